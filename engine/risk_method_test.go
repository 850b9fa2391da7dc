package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/riskregister"
)

// More residual-risk tables beside risk_test.go: the product over several
// controls, the appetite's boundary, the finding a risk above it gives, and
// the score and split methods side by side.

func TestResidualIsInherentTimesWhatControlsLeave(t *testing.T) {
	e := riskEngine(t)
	score := RiskSettings{Appetite: 6, Method: RiskMethodScore}
	for _, tc := range []struct {
		name     string
		l, i     int
		eff      map[string]float64 // the risk's controls and their effectiveness
		wantE    float64
		wantRisk int
		wantBand Band
	}{
		{"three controls at 0.5 leave 1/8: 25 -> 3", 5, 5, map[string]float64{"8.13": 0.5, "8.15": 0.5, "8.24": 0.5}, 0.875, 3, BandLow},
		{"0.2 and 0.3 leave 0.56: 20 -> 11", 4, 5, map[string]float64{"8.13": 0.2, "8.24": 0.3}, 0.44, 11, BandMedium},
		{"a weak control barely moves a high risk: 25 x 0.9 = 22.5 -> 23", 5, 5, map[string]float64{"8.24": 0.1}, 0.1, 23, BandHigh},
		{"a failing control beside a good one: 16 x 0.5 = 8", 4, 4, map[string]float64{"8.13": 0.5, "8.24": 0}, 0.5, 8, BandMedium},
		{"no control removes the risk: 0.99 leaves 1 of 25", 5, 5, map[string]float64{"8.24": 0.99}, 0.99, 1, BandLow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			keep := 1.0
			for id, eff := range tc.eff {
				ids = append(ids, id)
				keep *= 1 - eff
			}
			slices.Sort(ids)
			reversed := slices.Clone(ids)
			slices.Reverse(reversed)
			// The formula, in floating point, agrees with the engine.
			if want := max(1, int(math.Round(float64(tc.l*tc.i)*keep))); want != tc.wantRisk {
				t.Fatalf("table is wrong: %d x %v = %d, not %d", tc.l*tc.i, keep, want, tc.wantRisk)
			}
			res := results(e.catalog, tc.eff)
			// The order the register lists the controls in does not matter.
			for _, order := range [][]string{ids, reversed} {
				var warnings []string
				got := e.residual(declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: tc.l, Impact: tc.i, Controls: fullStrength(order...)}}, res, score, &warnings)
				if math.Abs(got.Reduction-tc.wantE) > 1e-9 || got.Residual != tc.wantRisk || got.ResidualBand != tc.wantBand {
					t.Errorf("controls %v: E %v, residual %d %s; want E %v, residual %d %s",
						order, got.Reduction, got.Residual, got.ResidualBand, tc.wantE, tc.wantRisk, tc.wantBand)
				}
				if got.Inherent != tc.l*tc.i || got.InherentBand != catalog.BandOf(tc.l*tc.i) {
					t.Errorf("inherent %d %s", got.Inherent, got.InherentBand)
				}
				for _, c := range got.Controls {
					if c.Effectiveness != tc.eff[c.ID] || c.Reduces != "score" {
						t.Errorf("control %s counts %v (reduces %s), want %v (score)", c.ID, c.Effectiveness, c.Reduces, tc.eff[c.ID])
					}
				}
			}
		})
	}
}

func TestRiskAppetite(t *testing.T) {
	e := riskEngine(t)
	r := &Report{}
	for _, c := range results(e.catalog, nil) {
		r.Controls = append(r.Controls, c)
	}
	// R-1 scores 12 with no controls.
	for _, tc := range []struct {
		appetite    int
		wantAbove   bool
		wantFinding bool
	}{
		{1, true, true},
		{11, true, true},
		{12, false, false}, // at the appetite is within it
		{25, false, false},
	} {
		d := &declarations{settings: RiskSettings{Appetite: tc.appetite, Method: RiskMethodScore}, risks: []declaredRisk{
			{Risk: riskregister.Risk{ID: "R-1", Asset: "laptops", Threat: "theft", Likelihood: 3, Impact: 4}},
		}}
		rr := e.assessRisks(r, d)
		got := rr.Risks[0]
		if got.Residual != 12 || got.AboveAppetite != tc.wantAbove {
			t.Errorf("appetite %d: residual %d, above %v; want 12, %v", tc.appetite, got.Residual, got.AboveAppetite, tc.wantAbove)
		}
		// A finding of risk.acceptance is due for a risk above the
		// appetite without an acceptance (TestRiskFinding).
		due := 0
		if got.AboveAppetite && !got.Accepted {
			due = 1
		}
		if (due == 1) != tc.wantFinding {
			t.Errorf("appetite %d: finding due %v, want %v", tc.appetite, due == 1, tc.wantFinding)
		}
		if s := rr.summary(); s.AboveAppetite != due || s.Unaccepted != due {
			t.Errorf("appetite %d: summary %+v", tc.appetite, s)
		}
	}
}

// TestRiskFinding evaluates a register through the whole engine: the
// policy risk.acceptance (policies/risk) turns each risk above the appetite
// without a valid acceptance into a finding with its band's severity, at
// the register's file and line.
func TestRiskFinding(t *testing.T) {
	eng, err := New(context.Background(), WithEffectiveTime(riskNow))
	if err != nil {
		t.Fatal(err)
	}
	src := facts.Source{Provider: "risk-register", File: "risks.yaml", Line: 12}
	settings := facts.Fact{Kind: facts.KindRiskSettings, ID: facts.KindRiskSettings, Source: facts.Source{Provider: "risk-register", File: "risks.yaml"},
		Attributes: map[string]any{"appetite": int64(1), "method": RiskMethodScore, "model": int64(catalog.RiskModel)}}
	for _, tc := range []struct {
		name       string
		l, i       int
		acceptance map[string]any
		wantSev    Severity
		wantMsg    string
	}{
		{"a low residual above a low appetite is a low finding", 3, 2, nil, SeverityLow,
			"Risk R-7 (laptops: theft) has a residual score of 6 (low), above the appetite of 1, and no acceptance by its owner"},
		{"medium", 3, 3, nil, SeverityMedium,
			"Risk R-7 (laptops: theft) has a residual score of 9 (medium), above the appetite of 1, and no acceptance by its owner"},
		{"high, with an expired acceptance", 4, 5, map[string]any{"by": "priya", "date": "2025-11-20T00:00:00Z", "expiry": "2026-11-19T00:00:00Z"}, SeverityHigh,
			"Risk R-7 (laptops: theft) has a residual score of 20 (high), above the appetite of 1, and the acceptance by priya is not valid: it expired on 2026-11-19"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			attrs := map[string]any{"id": "R-7", "asset": "laptops", "threat": "theft", "owner": "sam", "treatment": "modify",
				"likelihood": int64(tc.l), "impact": int64(tc.i), "controls": []any{}}
			if tc.acceptance != nil {
				attrs["acceptance"] = tc.acceptance
			}
			risk := facts.Fact{Kind: facts.KindRisk, ID: "risk/R-7", Source: src, Attributes: attrs}
			r, err := eng.Evaluate(context.Background(), []facts.Fact{risk, settings})
			if err != nil {
				t.Fatal(err)
			}
			var fs []Finding
			for _, f := range r.Findings {
				if f.Policy == "risk.acceptance" {
					fs = append(fs, f)
				}
			}
			if len(fs) != 1 {
				t.Fatalf("risk.acceptance findings %+v, want one", fs)
			}
			f := fs[0]
			if f.Severity != tc.wantSev || f.Message != tc.wantMsg {
				t.Errorf("finding %s %q\nwant %s %q", f.Severity, f.Message, tc.wantSev, tc.wantMsg)
			}
			if f.Resource != "risk/R-7" || len(f.Controls) != 0 || !slices.Equal(f.Clauses, []string{"6.1.3", "8.3"}) ||
				f.Source == nil || *f.Source != src || f.Remediation == "" {
				t.Errorf("finding %+v", f)
			}
			var details map[string]any
			if err := json.Unmarshal(f.Details, &details); err != nil {
				t.Fatalf("details %s: %v", f.Details, err)
			}
			if fmt.Sprint(details["inherent"]) != fmt.Sprint(tc.l*tc.i) || fmt.Sprint(details["appetite"]) != "1" || details["owner"] != "sam" {
				t.Errorf("details %s", f.Details)
			}
		})
	}
}

func TestScoreAndSplitMethods(t *testing.T) {
	e := riskEngine(t)
	// A risk of likelihood 4 and impact 5 (20, high). 8.13 backup is
	// corrective (impact), 8.24 cryptography preventive (likelihood).
	for _, tc := range []struct {
		name                   string
		eff                    map[string]float64
		wantScore              int
		wantScoreL, wantScoreI int
		wantSplitL, wantSplitI int
		wantEL, wantEI         float64
	}{
		// score: 20 x 0.5 = 10, in row 2 of impact 5; split: impact 5 -> 2.5 -> 3.
		{"a corrective control", map[string]float64{"8.13": 0.5}, 10, 2, 5, 4, 3, 0, 0.5},
		// split: likelihood 4 -> 2.
		{"a preventive control", map[string]float64{"8.24": 0.5}, 10, 2, 5, 2, 5, 0.5, 0},
		// score: 20 x 0.25 = 5; split: 2 x 3 = 6.
		{"one of each", map[string]float64{"8.13": 0.5, "8.24": 0.5}, 5, 1, 5, 2, 3, 0.5, 0.5},
		{"none effective", map[string]float64{"8.13": 0, "8.24": 0}, 20, 4, 5, 4, 5, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var controls []string
			for id := range tc.eff {
				controls = append(controls, id)
			}
			slices.Sort(controls)
			re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: 4, Impact: 5, Controls: fullStrength(controls...)}}
			res := results(e.catalog, tc.eff)
			var warnings []string
			sc := e.residual(re, res, RiskSettings{Appetite: 6, Method: RiskMethodScore}, &warnings)
			sp := e.residual(re, res, RiskSettings{Appetite: 6, Method: RiskMethodSplit}, &warnings)
			if sc.Residual != tc.wantScore || sc.ResidualLikelihood != tc.wantScoreL || sc.ResidualImpact != tc.wantScoreI {
				t.Errorf("score: %d in L%d I%d, want %d in L%d I%d", sc.Residual, sc.ResidualLikelihood, sc.ResidualImpact, tc.wantScore, tc.wantScoreL, tc.wantScoreI)
			}
			if sc.LikelihoodReduction != nil || sc.ImpactReduction != nil {
				t.Error("score method sets the split reductions")
			}
			if sp.Residual != tc.wantSplitL*tc.wantSplitI || sp.ResidualLikelihood != tc.wantSplitL || sp.ResidualImpact != tc.wantSplitI {
				t.Errorf("split: %d = L%d x I%d, want L%d x I%d", sp.Residual, sp.ResidualLikelihood, sp.ResidualImpact, tc.wantSplitL, tc.wantSplitI)
			}
			if sp.LikelihoodReduction == nil || *sp.LikelihoodReduction != tc.wantEL || *sp.ImpactReduction != tc.wantEI {
				t.Errorf("split reduction L %v I %v, want %v %v", sp.LikelihoodReduction, sp.ImpactReduction, tc.wantEL, tc.wantEI)
			}
			// Both methods combine the controls the same way overall.
			if sc.Reduction != sp.Reduction || sc.Inherent != 20 || sp.Inherent != 20 {
				t.Errorf("reduction score %v split %v; inherent %d %d", sc.Reduction, sp.Reduction, sc.Inherent, sp.Inherent)
			}
			for _, rr := range []RiskResult{sc, sp} {
				if rr.ResidualBand != catalog.BandOf(rr.Residual) || rr.AboveAppetite != (rr.Residual > 6) {
					t.Errorf("residual %d: band %s, above %v", rr.Residual, rr.ResidualBand, rr.AboveAppetite)
				}
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %v", warnings)
			}
		})
	}
}
