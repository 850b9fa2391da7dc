package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
	"github.com/annexa-dev/annexa/runner"
)

const checkLong = `Evaluate every policy over the facts of the given inputs and report the status
of each ISO/IEC 27002:2022 control: pass (facts present, no finding), fail,
not_assessed (no policy, or none of the facts its policies read),
not_applicable (excluded in the Statement of Applicability) or error. Then
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
a table and write JSON for a later step. Files are written atomically. json is
the whole report; sarif is a SARIF 2.1.0 log for GitHub code scanning (a rule
per policy, a result per finding at its file and line; a finding without a
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

With --bundle and --key, the run is also written as a signed evidence bundle
(the redacted facts, the report, the exact policies evaluated, a manifest, and
an in-toto statement in a DSSE envelope and a sigstore bundle) that an auditor
verifies offline with ` + "`annexa verify`" + ` or with cosign; see docs/bundles.md.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above
--fail-on, 2 usage or input error, or a policy that failed to evaluate.`

type checkOptions struct {
	sources sourceOptions
	policy  policyOptions
	formats []string
	failOn  string
	bundle  bundleOptions
	profile profileOptions
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

  # A GitHub job summary, a page to archive and OSCAL for a GRC tool, from one run
  annexa check testdata/demo --format markdown --format html=annexa.html \
    --format oscal=annexa-oscal.json >> "$GITHUB_STEP_SUMMARY"

  # Keep signed evidence for the auditor (password from COSIGN_PASSWORD)
  annexa check --plan tfplan.json --bundle evidence.tar.gz --key cosign.key

  # A risk register and applicability file besides the project's, and a stricter appetite
  annexa check testdata/demo --risks risks.csv --applicability soa.csv --risk-appetite 4

  # Add your own policies and make the output reproducible
  annexa check --plan tfplan.json --policy ./policies --effective-time 2026-01-31

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
	in := o.sources.inputs(&o.policy)
	in.Profile = o.profile.enabled
	run, err := runner.Resolve(in)
	if err != nil {
		return inputError(err)
	}
	boundMemory(run.InputBytes())
	anchorSARIF(formats, run.Anchor())
	if !cmd.Flags().Changed("fail-on") && run.Project.FailOn != "" {
		o.failOn = run.Project.FailOn
	}
	res, err := run.Check(ctx)
	if err != nil {
		return inputError(err)
	}
	report := res.Report
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
	if o.failOn != "none" && report.FailsAt(engine.Severity(o.failOn)) {
		return &exitError{code: exitFailed}
	}
	return nil
}

// anchorSARIF gives SARIF writers the file where findings without a file
// of their own are reported.
func anchorSARIF(formats []formatSpec, anchor string) {
	for i, f := range formats {
		if s, ok := f.writer.(output.SARIF); ok {
			s.Anchor = anchor
			formats[i].writer = s
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
