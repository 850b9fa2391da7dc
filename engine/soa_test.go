package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
)

func applicabilityFact(ctl string, applicable bool, justification string, line int) facts.Fact {
	return facts.Fact{
		Kind: facts.KindApplicability, ID: "applicability/" + ctl,
		Source:     facts.Source{Provider: "applicability", File: "soa.yaml", Line: line},
		Attributes: map[string]any{"control": ctl, "applicable": applicable, "justification": justification},
	}
}

func riskFact(id string, l, i int64, controls []any, acc map[string]any) facts.Fact {
	attrs := map[string]any{"id": id, "asset": "payments-api", "threat": "t", "likelihood": l, "impact": i, "controls": controls, "treatment": "modify", "owner": "priya@example.com"}
	if acc != nil {
		attrs["acceptance"] = acc
	}
	return facts.Fact{Kind: facts.KindRisk, ID: "risk/" + id, Source: facts.Source{Provider: "risk-register", File: "risks.yaml", Line: 3}, Attributes: attrs}
}

func soaEntryOf(t *testing.T, r *Report, id string) SoAEntry {
	t.Helper()
	for _, e := range r.SoA.Controls {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("control %s not in the SoA", id)
	return SoAEntry{}
}

func TestStatementOfApplicability(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	bad := volume("a", []string{"create"}, map[string]any{"encrypted": false})
	ctx := context.Background()

	t.Run("without an applicability file every control applies, not stated", func(t *testing.T) {
		r, err := e.Evaluate(ctx, []facts.Fact{bad})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.SoA.Controls) != 93 || r.SoA.File != "" {
			t.Fatalf("SoA of %d controls from %q", len(r.SoA.Controls), r.SoA.File)
		}
		got := soaEntryOf(t, r, "8.24")
		if !got.Applicable || got.Justification != NotStated || got.Stated || got.Status != StatusFail ||
			!slices.Equal(got.Policies, []string{"c8_24.test_ebs"}) || !slices.Equal(got.Evidence, []string{"aws_ebs_volume.a"}) ||
			len(got.Findings) != 1 || !got.LastEvaluated.Equal(e.EffectiveTime()) {
			t.Errorf("8.24 = %+v", got)
		}
		if len(r.SoA.Warnings) != 1 || !strings.Contains(r.SoA.Warnings[0], "no applicability file") {
			t.Errorf("warnings %v", r.SoA.Warnings)
		}
	})

	t.Run("an excluded control is not applicable and its findings do not count", func(t *testing.T) {
		r, err := e.Evaluate(ctx, []facts.Fact{bad,
			applicabilityFact("8.24", false, "No data at rest", 7),
			applicabilityFact("5.1", true, "Required", 3),
			applicabilityFact("5.2", true, "", 4),
		})
		if err != nil {
			t.Fatal(err)
		}
		c := control(t, r, "8.24")
		if c.Status != StatusNotApplicable || !strings.Contains(c.Reason, "(soa.yaml:7): No data at rest") || !strings.Contains(c.Reason, "1 finding(s) are not counted") {
			t.Errorf("8.24 = %s (%q)", c.Status, c.Reason)
		}
		if len(r.Findings) != 0 || r.FailsAt(SeverityLow) {
			t.Errorf("findings of an excluded control count: %+v", r.Findings)
		}
		got := soaEntryOf(t, r, "8.24")
		if got.Applicable || got.Status != StatusNotApplicable || got.Source != "soa.yaml:7" || !got.Stated || len(got.Findings) != 1 {
			t.Errorf("8.24 = %+v", got)
		}
		if s := soaEntryOf(t, r, "5.2"); s.Justification != NotStated {
			t.Errorf("5.2 justification %q, want %q", s.Justification, NotStated)
		}
		// 90 controls not listed and 5.2 without a justification.
		if len(r.SoA.Warnings) != 91 || !strings.HasPrefix(r.SoA.Warnings[0], "soa.yaml:4: control 5.2 is included without a justification") ||
			!strings.HasPrefix(r.SoA.Warnings[1], "soa.yaml: control 5.3 is not listed") {
			t.Errorf("%d warnings, first %q, %q", len(r.SoA.Warnings), r.SoA.Warnings[0], r.SoA.Warnings[1])
		}
		if r.Summary.ByStatus[StatusNotApplicable] != 1 {
			t.Errorf("summary %v", r.Summary.ByStatus)
		}
	})
}

func TestRisksInReport(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	fs := []facts.Fact{
		volume("a", []string{"create"}, map[string]any{"encrypted": true}),
		volume("b", []string{"create"}, map[string]any{"encrypted": false}),
		riskFact("R-1", 4, 5, []any{map[string]any{"id": "8.24", "strength": 0.8}}, nil),
		riskFact("R-4", 4, 5, []any{map[string]any{"id": "8.24"}}, nil),
		riskFact("R-2", 2, 2, []any{}, nil),
		riskFact("R-3", 5, 5, []any{}, map[string]any{"by": "dana@example.com", "date": "2026-01-01T00:00:00Z", "expiry": "2026-06-30T00:00:00Z"}),
		{Kind: facts.KindRiskSettings, ID: "risk_settings", Source: facts.Source{Provider: "risk-register", File: "annexa.yaml"}, Attributes: map[string]any{"appetite": int64(8), "method": "score", "model": int64(catalog.RiskModel)}},
	}
	r, err := e.Evaluate(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Risks == nil || r.Risks.Appetite != 8 || r.Risks.Model != catalog.RiskModel || len(r.Risks.Risks) != 4 {
		t.Fatalf("risks %+v", r.Risks)
	}
	// One of two volumes fails high: 8.24 is 1 - 0.75/2 = 0.625 effective.
	// At the strength R-1 states, 0.8, it removes 0.5 of its 20: 10. At the
	// default of a preventive control, 0.6, it removes 0.375 of R-4's 20:
	// 12.5, rounded up to 13.
	for _, tc := range []struct {
		i                   int
		strength, reduction float64
		from                string
		residual            int
	}{{0, 0.8, 0.5, "register", 10}, {3, 0.6, 0.375, "default for preventive", 13}} {
		r := r.Risks.Risks[tc.i]
		c := r.Controls[0]
		if c.Effectiveness != 0.625 || c.Strength != tc.strength || c.StrengthFrom != tc.from || c.Reduction != tc.reduction ||
			r.Reduction != tc.reduction || r.Residual != tc.residual || !r.AboveAppetite {
			t.Errorf("%s: control %+v; R %v, residual %d, above %v; want residual %d", r.ID, c, r.Reduction, r.Residual, r.AboveAppetite, tc.residual)
		}
	}
	var riskFindings []string
	for _, f := range r.Findings {
		if f.Policy == "risk.acceptance" {
			riskFindings = append(riskFindings, f.Resource+" "+string(f.Severity))
		}
	}
	if !slices.Equal(riskFindings, []string{"risk/R-3 high", "risk/R-1 medium", "risk/R-4 medium"}) {
		t.Errorf("risk findings %v, want the expired acceptance of R-3, and R-1 and R-4 above the appetite", riskFindings)
	}
	if !r.FailsAt(SeverityHigh) || r.Summary.Risks.Unaccepted != 3 {
		t.Errorf("summary %+v", r.Summary.Risks)
	}
}

func TestClausesInReport(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": true})})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Clauses) != 41 {
		t.Fatalf("%d clauses, want 41 (4 to 10.2)", len(r.Clauses))
	}
	byID := map[string]ClauseResult{}
	for _, c := range r.Clauses {
		if len(c.Reasons) == 0 {
			t.Errorf("clause %s (%s) has no reasons", c.ID, c.Status)
		}
		byID[c.ID] = c
	}
	// Without evidence only the clauses that read control results are
	// assessed: 8.1 from 8.24 passing, 9.1 from annexa's own evaluation.
	if c := byID["8.1"]; c.Status != ClauseConformant || c.Rule != "clauses.c8_1" || !slices.Contains(c.Evidence, "control/8.24") {
		t.Errorf("8.1 = %+v", c)
	}
	if c := byID["9.1"]; c.Status != ClausePartial {
		t.Errorf("9.1 = %+v", c)
	}
	if c := byID["4.3"]; c.Status != ClauseNotAssessed || !strings.Contains(c.Reasons[0], "needs evidence document:isms_scope") {
		t.Errorf("4.3 = %+v", c)
	}
	if c := byID["8"]; c.Status != ClausePartial || c.Rule != "" {
		t.Errorf("8 = %+v", c)
	}
	if c := byID["4"]; c.Status != ClauseNotAssessed {
		t.Errorf("4 = %+v", c)
	}
	if r.Summary.Clauses[ClauseNotAssessed]+r.Summary.Clauses[ClauseConformant]+r.Summary.Clauses[ClausePartial] != 30 {
		t.Errorf("summary counts %v, want the 30 requirements", r.Summary.Clauses)
	}
}

func TestReportIsDeterministic(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	fs := []facts.Fact{
		volume("b", []string{"create"}, map[string]any{"encrypted": false}),
		volume("a", []string{"create"}, map[string]any{"encrypted": false}),
		riskFact("R-2", 3, 3, []any{map[string]any{"id": "8.24"}}, nil),
		riskFact("R-1", 4, 4, []any{map[string]any{"id": "8.24", "strength": 0.7}, map[string]any{"id": "8.13"}}, nil),
		applicabilityFact("8.30", false, "none", 9),
	}
	var outs [][]byte
	for range 3 {
		r, err := e.Evaluate(context.Background(), fs)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
		slices.Reverse(fs)
	}
	if !bytes.Equal(outs[0], outs[1]) || !bytes.Equal(outs[0], outs[2]) {
		t.Error("the same facts in another order give another report")
	}
}

func TestBadDeclarationFacts(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	for name, f := range map[string]facts.Fact{
		"applicability without applicable": {Kind: facts.KindApplicability, ID: "applicability/5.1", Source: facts.Source{File: "soa.yaml", Line: 2}, Attributes: map[string]any{"control": "5.1"}},
		"risk likelihood out of range":     riskFact("R-1", 6, 1, nil, nil),
		"risk acceptance without a date":   riskFact("R-1", 1, 1, nil, map[string]any{"by": "x"}),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := e.Evaluate(context.Background(), []facts.Fact{f})
			if err == nil || !strings.Contains(err.Error(), f.Source.File) {
				t.Errorf("error %v, want one naming %s", err, f.Source.File)
			}
		})
	}
}
