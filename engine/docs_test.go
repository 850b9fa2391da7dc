package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/riskregister"
)

// The worked examples of docs/risk.md are tables that these tests
// evaluate, so the documentation cannot drift from the code.

// docTable returns the rows of the table of docs/risk.md that follows the
// comment <!-- name -->, up to <!-- end -->, as maps from column heading to
// cell, with the row's text for messages.
func docTable(t *testing.T, name string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "risk.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "<!-- "+name+" -->\n")
	if !ok {
		t.Fatalf("docs/risk.md has no table marked <!-- %s -->", name)
	}
	table, _, ok := strings.Cut(after, "<!-- end -->")
	if !ok {
		t.Fatalf("docs/risk.md: the table %s has no <!-- end -->", name)
	}
	cells := func(line string) []string {
		parts := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return parts
	}
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) < 3 {
		t.Fatalf("docs/risk.md: the table %s has no rows", name)
	}
	head := cells(lines[0])
	var rows []map[string]string
	for _, line := range lines[2:] {
		c := cells(line)
		if len(c) != len(head) {
			t.Fatalf("docs/risk.md: table %s: row %q has %d cells, the heading %d", name, line, len(c), len(head))
		}
		row := map[string]string{"": line}
		for i, h := range head {
			row[h] = c[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// docMilli reads a number of a worked example (0.813, 1) as thousandths.
func docMilli(t *testing.T, s string) milli {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f > 1 {
		t.Fatalf("%q is not a number from 0 to 1", s)
	}
	return toMilli(f)
}

// docInt reads a whole number of a worked example.
func docInt(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a whole number", s)
	}
	return n
}

// TestEffectivenessAsDocumented evaluates every worked example of the
// control effectiveness table in docs/risk.md.
func TestEffectivenessAsDocumented(t *testing.T) {
	auto := &Policy{ID: "auto", Inputs: []string{"resource:aws_ebs_volume"}}
	decl := &Policy{ID: "decl", Inputs: []string{"evidence:policy"}}
	rows := docTable(t, "effectiveness examples")
	for _, row := range rows {
		t.Run(row["example"], func(t *testing.T) {
			var pols []*Policy
			var outs []policyOutcome
			if n := row["automated: facts assessed"]; n != "" {
				var o policyOutcome
				for i := range docInt(t, n) {
					o.assessed = append(o.assessed, fmt.Sprintf("aws_ebs_volume.v%d", i))
				}
				if w := row["automated: worst finding of each failing fact"]; w != "none" {
					for i, s := range strings.Split(w, ",") {
						sev := Severity(strings.TrimSpace(s))
						if sev.Rank() == 0 {
							t.Fatalf("%q is not a severity", s)
						}
						o.findings = append(o.findings, Finding{Resource: fmt.Sprintf("aws_ebs_volume.v%d", i), Severity: sev})
					}
				}
				pols, outs = append(pols, auto), append(outs, o)
			}
			if n := row["declared: records assessed"]; n != "" {
				var o policyOutcome
				for i := range docInt(t, n) {
					o.assessed = append(o.assessed, fmt.Sprintf("evidence/policy/P-%d", i))
				}
				for i := range docInt(t, row["declared: findings"]) {
					o.findings = append(o.findings, Finding{Resource: fmt.Sprintf("missing:policy/topic-%d", i), Severity: SeverityMedium})
				}
				pols, outs = append(pols, decl), append(outs, o)
			}
			if got, want := controlEffectiveness(Status(row["status"]), pols, outs), docMilli(t, row["e"]); got != want {
				t.Errorf("%s\neffectiveness %d‰, the documentation says %d‰", row[""], got, want)
			}
		})
	}
	if len(rows) < 10 {
		t.Errorf("the table has %d examples; expected the full set", len(rows))
	}
}

// TestResidualAsDocumented computes every worked example of the residual
// risk table in docs/risk.md.
func TestResidualAsDocumented(t *testing.T) {
	e := riskEngine(t)
	rows := docTable(t, "residual examples")
	for _, row := range rows {
		t.Run(row["example"], func(t *testing.T) {
			re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: docInt(t, row["L"]), Impact: docInt(t, row["I"])}}
			eff := map[string]float64{}
			if row["controls"] != "" {
				for _, c := range strings.Split(row["controls"], ";") {
					fields := strings.Fields(c)
					link := riskregister.Link{ID: fields[0]}
					for _, kv := range fields[1:] {
						k, v, _ := strings.Cut(kv, "=")
						switch k {
						case "s":
							link.Strength = docMilli(t, v).float()
						case "e":
							eff[link.ID] = docMilli(t, v).float()
						default:
							t.Fatalf("control %q: %q is neither s= nor e=", c, kv)
						}
					}
					re.Controls = append(re.Controls, link)
				}
			}
			var warnings []string
			got := e.residual(re, results(e.catalog, eff), RiskSettings{Appetite: 6, Method: row["method"]}, &warnings)
			cell := fmt.Sprintf("L%d I%d", got.ResidualLikelihood, got.ResidualImpact)
			if toMilli(got.Reduction) != docMilli(t, row["R"]) || got.Residual != docInt(t, row["residual"]) || cell != row["cell"] {
				t.Errorf("%s\nR %v, residual %d in %s; the documentation says R %s, residual %s in %s",
					row[""], got.Reduction, got.Residual, cell, row["R"], row["residual"], row["cell"])
			}
			if row["method"] == RiskMethodSplit {
				if got.LikelihoodReduction == nil || toMilli(*got.LikelihoodReduction) != docMilli(t, row["R(L)"]) || toMilli(*got.ImpactReduction) != docMilli(t, row["R(I)"]) {
					t.Errorf("%s\nR(L) %v, R(I) %v; the documentation says %s, %s", row[""], got.LikelihoodReduction, got.ImpactReduction, row["R(L)"], row["R(I)"])
				}
			}
		})
	}
	if len(rows) < 10 {
		t.Errorf("the table has %d examples; expected the full set", len(rows))
	}
}
