#!/usr/bin/env bash
# Runs `annexa check` for the GitHub Action in action.yml. The action's
# inputs come as environment variables, so that no input is ever pasted
# into shell code:
#
#   ANNEXA           the annexa binary (default: annexa on PATH)
#   INPUT_PATHS      PATH arguments, one a line or separated by spaces
#   INPUT_FAIL_ON    --fail-on (low|medium|high|critical|none)
#   INPUT_SEVERITY   --severity, empty for all
#   INPUT_WAIVERS    --waivers FILE, empty for none
#   INPUT_BASELINE   --baseline FILE, empty for none
#   INPUT_SARIF_FILE where the SARIF log goes, empty for none
#   INPUT_JUNIT_FILE where the JUnit report goes, empty for none
#   INPUT_ARGS       more flags, split on white space
#   GITHUB_OUTPUT    the step's output file (exit-code, sarif-file)
#
# The table goes to stdout. The script exits 0 whatever annexa found, so
# that the SARIF upload after it runs; the exit code is the step output
# exit-code, which the action's last step turns into the job's result.
# Usage errors (exit 2) stop the script at once.
set -u

annexa=${ANNEXA:-annexa}
args=(check)
# Word splitting is wanted here: paths and extra flags are lists.
# shellcheck disable=SC2206
paths=(${INPUT_PATHS:-})
if [ ${#paths[@]} -eq 0 ]; then
	echo "annexa action: the input paths is empty; name a project directory or inputs (for example: paths: ., or paths: --plan tfplan.json)" >&2
	exit 2
fi
args+=("${paths[@]}")
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_SEVERITY:-}" ] && args+=(--severity "$INPUT_SEVERITY")
[ -n "${INPUT_WAIVERS:-}" ] && args+=(--waivers "$INPUT_WAIVERS")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
args+=(--format table)
[ -n "${INPUT_SARIF_FILE:-}" ] && args+=(--format "sarif=$INPUT_SARIF_FILE")
[ -n "${INPUT_JUNIT_FILE:-}" ] && args+=(--format "junit=$INPUT_JUNIT_FILE")
# shellcheck disable=SC2206
extra=(${INPUT_ARGS:-})
args+=("${extra[@]}")

echo "+ annexa ${args[*]}" >&2
"$annexa" "${args[@]}"
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "exit-code=$code"
		echo "sarif-file=${INPUT_SARIF_FILE:-}"
	} >>"$GITHUB_OUTPUT"
fi
if [ "$code" -ge 2 ]; then
	exit "$code"
fi
exit 0
