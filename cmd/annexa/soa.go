package main

import (
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

func newSoACommand(s streams) *cobra.Command {
	return sectionCommand{
		use:   "soa [PATH...] [flags]",
		short: "Print the Statement of Applicability with each control's status and evidence",
		long:  soaLong,
		example: `  # The demo organisation's SoA as a Markdown document
  annexa soa testdata/demo

  # As CSV for a spreadsheet, or JSON for another tool
  annexa soa testdata/demo --format csv > soa.csv
  annexa soa --evidence evidence/ --plan tfplan.json --applicability soa.yaml --format json`,
		formats: output.SoAFormats(),
		writer:  output.NewSoA,
		warnings: func(r *engine.Report, _ string) []string {
			return r.SoA.Warnings
		},
	}.build(s)
}
