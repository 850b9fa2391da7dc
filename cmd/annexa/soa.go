package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
)

const soaLong = `Print the Statement of Applicability (ISO/IEC 27001 6.1.3 d): all 93 Annex A
controls, whether each applies and why, its implementation status from the
evaluation (pass, fail, not_assessed; an excluded control is not_applicable
and its findings do not count), its effectiveness, the policies, facts and
findings that show it, and when it was evaluated.

Applicability comes from an applicability file (YAML or CSV) named by
applicability: in annexa.yaml or --applicability. A control the file does not
list is applicable with the justification "not stated", and annexa warns. An
exclusion without a justification and an unknown control id are input errors
naming the file and line. See docs/soa.md.

Exit codes: 0 written, 2 usage or input error (or a policy that failed to
evaluate).`

type soaOptions struct {
	sources sourceOptions
	policy  policyOptions
	format  string
}

func newSoACommand(s streams) *cobra.Command {
	o := &soaOptions{}
	cmd := &cobra.Command{
		Use:   "soa [PATH...] [flags]",
		Short: "Print the Statement of Applicability with each control's status and evidence",
		Long:  soaLong,
		Example: `  # The demo organisation's SoA as a Markdown document
  annexa soa testdata/demo

  # As CSV for a spreadsheet, or JSON for another tool
  annexa soa testdata/demo --format csv > soa.csv
  annexa soa --evidence evidence/ --plan tfplan.json --applicability soa.yaml --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sources.paths = args
			return o.run(cmd, s)
		},
	}
	o.sources.addFlags(cmd)
	o.policy.addFlags(cmd)
	cmd.Flags().VarP(newEnum(&o.format, output.FormatMarkdown, output.SoAFormats()...), "format", "f",
		"output format: "+strings.Join(output.SoAFormats(), "|"))
	return cmd
}

func (o *soaOptions) run(cmd *cobra.Command, s streams) error {
	w, err := output.NewSoA(o.format)
	if err != nil {
		return inputError(err)
	}
	report, err := evaluate(cmd, &o.sources, &o.policy)
	if err != nil {
		return err
	}
	for _, warn := range report.SoA.Warnings {
		fmt.Fprintf(s.err, "%s: warning: %s\n", programName, warn)
	}
	if err := w.Write(s.out, report); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return evaluationErrors(report)
}

// evaluate collects the facts of the inputs and evaluates them: the common
// part of check, soa and risk.
func evaluate(cmd *cobra.Command, src *sourceOptions, pol *policyOptions) (*engine.Report, error) {
	ctx := cmd.Context()
	proj, err := src.resolve()
	if err != nil {
		return nil, err
	}
	at := effectiveTime(pol.effectiveTime, proj)
	fs, err := collect(ctx, proj, at)
	if err != nil {
		return nil, err
	}
	eng, err := pol.engine(ctx, proj, at)
	if err != nil {
		return nil, inputError(err)
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		return nil, inputError(err)
	}
	return report, nil
}

// evaluationErrors is the input error for controls or clauses whose rules
// failed to evaluate.
func evaluationErrors(r *engine.Report) error {
	if errs := r.Errors(); len(errs) > 0 {
		return inputError(fmt.Errorf("%d control(s) could not be evaluated, first: %s: %s", len(errs), errs[0].ID, errs[0].Reason))
	}
	if errs := r.ClauseErrors(); len(errs) > 0 {
		return inputError(fmt.Errorf("%d clause(s) could not be evaluated, first: %s: %s", len(errs), errs[0].ID, strings.Join(errs[0].Reasons, "; ")))
	}
	return nil
}
