package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
)

const riskLong = `Compute the residual risk of every risk in the risk register from the
effectiveness of its mitigating controls, as the evaluation found them, and
print a table of the risks and the 5×5 matrices of inherent and residual risk
(likelihood down, impact across, the number of risks in each cell).

The register (YAML or CSV) is named by risks: in annexa.yaml or --risks.
Each link of a risk to a control has a design strength s, the share of the
risk the control removes when it works: stated in the register
({id: "8.24", strength: 0.7}, or 8.24:0.7 in CSV) or the default of the
control's type (preventive 0.6, detective 0.4, corrective 0.4). The
control's measured operating effectiveness e scales it, and together the
controls remove R = 1 − Π(1 − s × e): no single control removes a risk,
and a failing one raises it. By default residual = inherent × (1 − R); with
--risk-method split, preventive and detective controls reduce likelihood and
corrective ones impact. Bands: low 1-6, medium 7-15, high 16-25. A risk above the appetite (--risk-appetite, or risk.appetite in
annexa.yaml; default 6) without a valid acceptance is a finding of policy
risk.acceptance under clauses 6.1.3 and 8.3, which annexa check reports and
--fail-on gates. See docs/risk.md.

Exit codes: 0 written, 2 usage or input error (an unknown control or a value
out of range in the register names the file and line).`

func newRiskCommand(s streams) *cobra.Command {
	return sectionCommand{
		use:   "risk [PATH...] [flags]",
		short: "Compute residual risk from the risk register and the control results",
		long:  riskLong,
		example: `  # The demo organisation's risks and matrices
  annexa risk testdata/demo

  # Likelihood and impact reduced separately, a stricter appetite
  annexa risk testdata/demo --risk-method split --risk-appetite 4

  # A register kept as CSV, the result as JSON
  annexa risk --evidence evidence/ --plan tfplan.json --risks risks.csv --format json`,
		formats: output.RiskFormats(),
		writer:  output.NewRisk,
		need: func(r *engine.Report) error {
			if r.Risks == nil {
				return errors.New("no risk register: name it with --risks FILE or risks: in annexa.yaml")
			}
			return nil
		},
		// The table prints the register's warnings itself.
		warnings: func(r *engine.Report, format string) []string {
			if format == output.FormatTable {
				return nil
			}
			return r.Risks.Warnings
		},
	}.build(s)
}
