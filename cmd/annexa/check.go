package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sigstore/sigstore/pkg/signature"
	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/bundles"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
	"github.com/annexa-dev/annexa/runner"
)

const checkLong = `Evaluate every policy over the facts of the given inputs and report the status
of each ISO/IEC 27002:2022 control: pass (facts present, no finding), fail,
waived (its only findings are waived), not_assessed (no policy, or none of
the facts its policies read), not_applicable (excluded in the Statement of
Applicability) or error. Then
roll the results up: the Statement of Applicability, the residual risk of
each risk in the register (a risk above the appetite without a valid
acceptance is a finding of risk.acceptance), and the conformance of every
clause 4.1 to 10.2 of ISO/IEC 27001 with its reasons (docs/rollup.md).

Inputs are PATH arguments, whose kind annexa detects, and flags naming a
kind; one run can mix any of them. A PATH is a project directory or file
(annexa.yaml, listing the sources, policies and settings of one ISMS), a
Terraform plan JSON, an evidence directory or record file, Kubernetes
manifests (a file, a kubectl List or a directory of them), an sshd_config,
a GitHub repository export, or a TOML, INI or HCL file. Flags add sources:
--plan FILE, --evidence DIR, --k8s PATH, --config [FORMAT=]PATH (formats
json, yaml, toml, ini, hcl, sshd_config, github) and --provider
NAME[=SOURCE], which runs the external provider annexa-provider-NAME
(docs/providers.md). --applicability FILE and --risks FILE name the inputs
of the Statement of Applicability and of residual risk.

--tf DIR evaluates Terraform source without a plan. What cannot be evaluated
(a reference to an undeclared resource, data source, module output, local or
variable; a file that file() or templatefile() cannot read, such as a build
artefact; a missing local module directory) becomes an unknown value with a
warning, and the rest is still judged. --strict makes these errors (exit 2),
as terraform validate would; syntax errors are errors either way. Nothing
outside the scan root (DIR, or the top of the git repository holding it) is
read, symbolic links resolved first, and only regular files are opened; a
--var-file named on the command line may lie elsewhere. Modules installed by
terraform init (.terraform/modules/modules.json) are evaluated like local ones.
--plan also takes a directory: every plan JSON in it is a source of its own.

--format takes FORMAT or FORMAT=FILE and can be repeated, so one run can print
a table and write JSON for a later step. Files are written atomically.

table, the default, lists each finding once, most severe first, with its
file:line and the Annex A controls (A.8.24) or clauses it is against; then
the controls that fail, the clauses that are not conformant, the totals, and
a last line saying why the exit code is what it is. --verbose lists every
control with its status and why each not assessed one is; --quiet keeps only
the findings, the totals and the exit line.

json is the whole report; sarif is a SARIF 2.1.0 log for GitHub code
scanning (a rule per policy, a result per finding at its file and line: a
plan's resource at its block in the .tf files beside the plan or given with
--tf, else at its line and column in the plan JSON; a finding without a
file of its own is placed at the project file, else the first input); junit
is JUnit XML for CI test reports (a suite per Annex A theme and one of the
clauses, a test case per control: failure, skipped when not assessed or not
applicable, error). Three reports are for people and GRC tools: markdown for a
pull-request comment or $GITHUB_STEP_SUMMARY (totals, the failing controls
first, collapsible details, kept under 65,000 characters with a count of what
was cut); html, one self-contained page (no network, no external assets:
overview, heat map of the controls by theme, clauses, SoA, inherent and
residual risk matrices, every finding at file:line, waivers; prints with every
section open); oscal, an OSCAL 1.1.3 assessment-results document (an
observation per finding, a finding per control and clause, the risks; UUIDs
derived from content). docs/reports.md describes them.

--severity lists only the findings at or above it in the table and SARIF;
the JSON report and the bundle keep every finding and record the level, and
the gate is still --fail-on over every finding. --exclude GLOB passes over
the files and directories it matches in every directory read (--tf root
discovery, --evidence, --k8s, --config, a --plan directory), added to
exclude: in annexa.yaml; the globs are recorded in the report and the
bundle like --control and --policy-id. A
control left out by the selection is not assessed, never passed. docs/ci.md
shows the gate in GitHub Actions, GitLab CI and pre-commit.

--waivers FILE (or waivers: in annexa.yaml) names approved, expiring
exceptions: each entry gives a policy and/or a control, a resource glob, a
reason, approved_by and expires (all three required), and optionally the
risk id in the register that accepts it. Inline suppressions do the same
from the sources: a comment
` + "`# annexa:ignore POLICY reason=\"...\" approved_by=WHO expires=DATE`" + `
right above a Terraform resource block, or the annotation annexa.dev/ignore
of a Kubernetes object. A waived finding stays in every output marked with
its waiver (a suppression in SARIF, not a failure in JUnit) and does not
fail --fail-on; effectiveness, residual risk and the clauses still count it
as open. A waiver stops waiving after its expiry (judged at the effective
time), and an expired or unused waiver is a warning; see docs/waivers.md.

--baseline FILE (a previous --format json report, or an evidence bundle
verified with --baseline-key) gates only on findings it does not hold,
matched by fingerprint (policy, resource and message, never line numbers),
and, unless --fail-on-regression=false, on every control that passed in the
baseline and fails now; fixed findings are listed. The table and JUnit
follow the same gate as the exit code.

With --bundle and --key, the run is also written as a signed evidence bundle
(the redacted facts, the report, the exact policies evaluated, a manifest, and
an in-toto statement in a DSSE envelope and a sigstore bundle) that an auditor
verifies offline with ` + "`annexa verify`" + ` or with cosign; see docs/bundles.md.

Exit codes: 0 no finding gates (none at or above --fail-on that is not
waived and, with --baseline, new), 1 a finding gates or a control regressed,
2 usage or input error, or a policy that failed to evaluate.`

type checkOptions struct {
	sources sourceOptions
	policy  policyOptions
	formats []string
	failOn  string
	// severity is --severity: the table and SARIF list the findings at or
	// above it.
	severity string
	// quiet and verbose choose how much of the table is written.
	quiet, verbose bool
	bundle         bundleOptions
	profile        profileOptions
	// baseline is a previous JSON report or evidence bundle to gate
	// against, baselineKey the public key a bundle is verified with.
	baseline, baselineKey string
	failOnRegression      bool
}

func newCheckCommand(s streams) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [PATH...] [flags]",
		Short: "Evaluate inputs against the ISO 27001 controls and gate on findings",
		Long:  checkLong,
		Example: `  # A whole ISMS: the project file in testdata/demo names a plan and evidence
  annexa check testdata/demo

  # Table on stdout, fail on any finding
  annexa check --plan tfplan.json

  # CI gate: fail only on high and critical, keep JSON for later
  annexa check --plan tfplan.json --fail-on high --format table --format json=annexa.json

  # CI gate for GitHub code scanning (SARIF) and CI test reports (JUnit XML)
  annexa check --plan tfplan.json --fail-on high --format sarif=annexa.sarif --format junit=annexa.xml

  # Only the findings and the verdict; list only high and critical ones
  annexa check --plan tfplan.json --fail-on high --quiet --severity high

  # Every control with its status, and why each not assessed one is
  annexa check testdata/demo --verbose

  # Pass over vendored and example directories of every input
  annexa check --tf . --k8s deploy/ --exclude vendor --exclude 'examples/*'

  # A GitHub job summary, a page to archive and OSCAL for a GRC tool, from one run
  annexa check testdata/demo --format markdown --format html=annexa.html \
    --format oscal=annexa-oscal.json >> "$GITHUB_STEP_SUMMARY"

  # Keep signed evidence for the auditor (password from COSIGN_PASSWORD)
  annexa check --plan tfplan.json --bundle evidence.tar.gz --key cosign.key

  # A risk register and applicability file besides the project's, and a stricter appetite
  annexa check testdata/demo --risks risks.csv --applicability soa.csv --risk-appetite 4

  # Add your own policies and make the output reproducible
  annexa check --plan tfplan.json --policy ./policies --effective-time 2026-01-31

  # Approved exceptions: waived findings are reported but do not fail the gate
  annexa check --plan tfplan.json --fail-on high --waivers waivers.yaml

  # Gate a pull request only on what it adds: findings not in main's report
  annexa check --plan tfplan.json --fail-on high --baseline main-report.json

  # A live AWS account (standard credential chain), or a snapshot of it taken earlier
  annexa check --aws=eu-west-1,us-east-1 --fail-on high
  annexa check --snapshot snapshot.json

  # Kubernetes manifests, a server's sshd_config and a GitHub export together
  annexa check --k8s deploy/ --config /etc/ssh/sshd_config --config github=repo.json

  # Facts from an external provider program (annexa-provider-inventory on PATH)
  annexa check --provider inventory=assets.csv

  # Check Terraform source before any plan exists, with its variables
  annexa check --tf ./infra --var-file prod.tfvars --var environment=prod

  # Find the slow policies of a large run (printed to stderr)
  annexa check --plan tfplan.json --profile --profile-limit 10`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sources.paths = args
			return o.run(cmd, s)
		},
	}
	o.sources.addFlags(cmd)
	o.policy.addFlags(cmd)
	cmd.Flags().StringArrayVarP(&o.formats, "format", "f", nil,
		fmt.Sprintf("output format %s, optionally =FILE (repeatable; default table)", strings.Join(output.Formats(), "|")))
	cmd.Flags().Var(newEnum(&o.failOn, "low", "low", "medium", "high", "critical", "none"), "fail-on",
		"exit 1 when a finding is at or above this severity: low|medium|high|critical|none")
	cmd.Flags().Var(newEnum(&o.severity, "", "low", "medium", "high", "critical"), "severity",
		"list only the findings at or above this severity (low|medium|high|critical) in the table and SARIF; the JSON report and the bundle keep them all, and the gate stays --fail-on")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "table: only the findings, the totals and why the exit code is what it is")
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "table: every control with its status, why each not assessed control is, and every clause")
	cmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
	cmd.Flags().StringVar(&o.baseline, "baseline", "", "a previous run to gate against: a JSON report (--format json=FILE) or an evidence bundle (with --baseline-key); only findings not in it (by fingerprint) gate, and fixed findings are reported")
	cmd.Flags().StringVar(&o.baselineKey, "baseline-key", "", "public key (cosign.pub) a --baseline bundle is verified with before it is trusted")
	cmd.Flags().BoolVar(&o.failOnRegression, "fail-on-regression", true, "with --baseline, exit 1 when a control that passed in the baseline fails now, whatever its findings' severity; --fail-on-regression=false gates on new findings at or above --fail-on only")
	_ = cmd.MarkFlagFilename("baseline", "json", "gz")
	_ = cmd.MarkFlagFilename("baseline-key", "pub")
	o.bundle.addFlags(cmd)
	o.profile.addFlags(cmd)
	return cmd
}

// formatSpec is one --format value: a writer and where it goes ("" is stdout).
type formatSpec struct {
	writer output.Writer
	file   string
}

func parseFormats(specs []string) ([]formatSpec, error) {
	if len(specs) == 0 {
		specs = []string{output.FormatTable}
	}
	var out []formatSpec
	toStdout := 0
	for _, spec := range specs {
		name, file, _ := strings.Cut(spec, "=")
		w, err := output.New(name)
		if err != nil {
			return nil, fmt.Errorf("--format %s: %w", spec, err)
		}
		if file == "" {
			toStdout++
		}
		out = append(out, formatSpec{writer: w, file: file})
	}
	if toStdout > 1 {
		return nil, fmt.Errorf("--format: only one format can go to stdout; give the others a file, e.g. --format json=out.json")
	}
	return out, nil
}

func (o *checkOptions) run(cmd *cobra.Command, s streams) error {
	ctx := cmd.Context()
	// The signing key is loaded first, so a wrong password fails fast.
	signer, err := o.bundle.signer(s)
	if err != nil {
		return err
	}
	formats, err := parseFormats(o.formats)
	if err != nil {
		return inputError(err)
	}
	baseline, err := o.readBaseline(cmd)
	if err != nil {
		return err
	}
	in := o.sources.inputs(&o.policy)
	in.Profile = o.profile.enabled
	// Nothing reads the facts' attributes after the evaluation has
	// converted them: a bundle's facts.json is rendered before.
	in.ReleaseAttributes = true
	in.EncodeFacts = o.bundle.path != ""
	in.Selection.Severity = engine.Severity(o.severity)
	run, err := runner.Resolve(in)
	if err != nil {
		return inputError(err)
	}
	boundMemory(run.InputBytes(), run.PlansOnly())
	if !cmd.Flags().Changed("fail-on") && run.Project.FailOn != "" {
		o.failOn = run.Project.FailOn
	}
	res, err := run.Check(ctx)
	if err != nil {
		return inputError(err)
	}
	report := res.Report
	gate := engine.Gate{Baseline: baseline, FailOnRegression: o.failOnRegression}
	if o.failOn != "none" {
		gate.FailOn = engine.Severity(o.failOn)
	}
	verdict := gate.Decide(report)
	o.configure(formats, run.Anchor(), res.Locator(), gate)
	// The outputs show the comparison with the baseline; the bundle
	// records the evaluation alone, as a replay reproduces it.
	report.Baseline = verdict.Baseline
	written := time.Now()
	printDiagnostics(s, report.Diagnostics)
	printSectionWarnings(s, report)
	for _, f := range formats {
		if f.file == "" {
			if err := f.writer.Write(s.out, report); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			continue
		}
		if err := runner.WriteOutput(f.file, func(w io.Writer) error { return f.writer.Write(w, report) }); err != nil {
			return inputError(err)
		}
	}
	if baseline != nil {
		fmt.Fprintf(s.err, "%s: %s\n", programName, verdict.Summary(gate))
	}
	report.Baseline = nil
	if signer != nil {
		if err := runner.WriteBundle(ctx, o.bundle.path, signer, res, time.Now()); err != nil {
			return inputError(err)
		}
		fmt.Fprintf(s.err, "%s: wrote signed evidence bundle %s\n", programName, o.bundle.path)
	}
	if res.Profile != nil {
		res.Profile.Stages = append(res.Profile.Stages, engine.Stage{Name: "write outputs", Time: time.Since(written)})
		printProfile(s.err, res.Profile, o.profile.limit)
	}
	if err := report.EvaluationError(); err != nil {
		return inputError(err)
	}
	if verdict.Failed {
		return &exitError{code: exitFailed}
	}
	return nil
}

// readBaseline reads --baseline, verifying a bundle with --baseline-key.
func (o *checkOptions) readBaseline(cmd *cobra.Command) (*engine.Baseline, error) {
	if o.baseline == "" {
		if o.baselineKey != "" || cmd.Flags().Changed("fail-on-regression") {
			return nil, inputError(fmt.Errorf("--baseline-key and --fail-on-regression apply to --baseline FILE"))
		}
		return nil, nil
	}
	var key signature.Verifier
	if o.baselineKey != "" {
		pemBytes, err := readKeyFile(o.baselineKey)
		if err != nil {
			return nil, inputError(err)
		}
		if key, err = bundles.LoadPublicKey(o.baselineKey, pemBytes); err != nil {
			return nil, inputError(err)
		}
	}
	b, err := runner.ReadBaseline(cmd.Context(), o.baseline, key, o.baselineKey)
	if err != nil {
		return nil, inputError(err)
	}
	return b, nil
}

// configure gives the writers what the run knows beyond the report: the
// table how much to show and the gate for its last line, JUnit the gate,
// SARIF the file where findings without a file of their own are reported,
// and the table and SARIF where each finding is in the code.
func (o *checkOptions) configure(formats []formatSpec, anchor string, locate output.Locator, gate engine.Gate) {
	for i, f := range formats {
		switch w := f.writer.(type) {
		case output.Table:
			w.Verbose, w.Quiet, w.Gate, w.Locate = o.verbose, o.quiet, &gate, locate
			formats[i].writer = w
		case output.SARIF:
			w.Anchor, w.Locate = anchor, locate
			formats[i].writer = w
		case output.JUnit:
			w.Gate = &gate
			formats[i].writer = w
		}
	}
}

// printSectionWarnings prints the input warnings of the SoA (when an
// applicability file was given) and of the risk register to stderr.
func printSectionWarnings(s streams, r *engine.Report) {
	var warnings []string
	if r.SoA.File != "" {
		warnings = append(warnings, r.SoA.Warnings...)
	}
	if r.Risks != nil {
		warnings = append(warnings, r.Risks.Warnings...)
	}
	for _, w := range warnings {
		fmt.Fprintf(s.err, "%s: warning: %s\n", programName, w)
	}
}
