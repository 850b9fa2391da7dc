package engine

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/riskregister"
)

// Risk model 2 (docs/risk.md, "Design strength"): each link between a risk
// and a control has a design strength, scaled by the control's operating
// effectiveness.

// A risk of inherent score 20 treated by one control that passes keeps a
// residual above 1, whatever the control's type and the method.
func TestNoSingleControlRemovesARisk(t *testing.T) {
	e := riskEngine(t)
	// 8.24 preventive, 8.15 detective, 8.13 corrective, 5.29 preventive and
	// corrective, 8.16 detective and corrective.
	for _, id := range []string{"8.24", "8.15", "8.13", "5.29", "8.16"} {
		for _, method := range catalog.Methods() {
			re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: 4, Impact: 5, Controls: links(id)}}
			var warnings []string
			got := e.residual(re, results(e.catalog, map[string]float64{id: 1}), RiskSettings{Appetite: 6, Method: method}, &warnings)
			if got.Inherent != 20 || got.Controls[0].Status != StatusPass || got.Residual <= 1 {
				t.Errorf("%s, %s method: inherent %d, control %s, residual %d; want a residual above 1", id, method, got.Inherent, got.Controls[0].Status, got.Residual)
			}
			if s := got.Controls[0].Strength; s <= 0 || s >= 1 || !strings.HasPrefix(got.Controls[0].StrengthFrom, "default for ") {
				t.Errorf("%s: strength %v from %q", id, s, got.Controls[0].StrengthFrom)
			}
		}
	}
}

// Through the whole engine: the control's effectiveness comes from the
// evaluation of a plan. One passing control leaves a risk of 20 at 8; the
// same control failing raises it, and so does a failing control beside a
// passing one.
func TestFailingControlRaisesResidual(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	settings := facts.Fact{Kind: facts.KindRiskSettings, ID: "risk_settings", Source: facts.Source{Provider: "risk-register", File: "annexa.yaml"},
		Attributes: map[string]any{"appetite": int64(6), "method": "score", "model": int64(catalog.RiskModel)}}
	residual := func(encrypted []bool, controls ...any) RiskResult {
		t.Helper()
		fs := []facts.Fact{settings, riskFact("R-1", 4, 5, controls, nil)}
		for i, enc := range encrypted {
			fs = append(fs, volume(string(rune('a'+i)), []string{"create"}, map[string]any{"encrypted": enc}))
		}
		r, err := e.Evaluate(context.Background(), fs)
		if err != nil {
			t.Fatal(err)
		}
		return r.Risks.Risks[0]
	}
	only := map[string]any{"id": "8.24"}
	passing := residual([]bool{true, true}, only)
	halfFailing := residual([]bool{true, false}, only)
	failing := residual([]bool{false, false}, only)
	// 0.6 × 1 leaves 20 × 0.4 = 8; 0.6 × (1 − 0.75/2) = 0.375 leaves 12.5
	// → 13; 0.6 × (1 − 0.75) = 0.15 leaves 17.
	for _, tc := range []struct {
		name string
		got  RiskResult
		want int
	}{{"passing", passing, 8}, {"one of two volumes unencrypted", halfFailing, 13}, {"both unencrypted", failing, 17}} {
		if tc.got.Residual != tc.want {
			t.Errorf("8.24 %s: residual %d (R %v), want %d", tc.name, tc.got.Residual, tc.got.Reduction, tc.want)
		}
	}
	if !(passing.Residual < halfFailing.Residual && halfFailing.Residual < failing.Residual) {
		t.Errorf("residual does not rise as 8.24 fails: %d, %d, %d", passing.Residual, halfFailing.Residual, failing.Residual)
	}
	// Beside 8.24, a control nothing assessed (8.13 backup, listed first
	// in catalog order) removes nothing: under model 1 the passing 8.24
	// alone made the risk 1.
	both := residual([]bool{true}, only, map[string]any{"id": "8.13", "strength": 0.5})
	if both.Residual != 8 || both.Controls[0].ID != "8.13" || both.Controls[0].Status != StatusNotAssessed || both.Controls[0].Reduction != 0 {
		t.Errorf("8.24 passing, 8.13 not assessed: residual %d, 8.13 %+v; want 8", both.Residual, both.Controls[0])
	}
}

func TestCombineIsExact(t *testing.T) {
	for _, tc := range []struct {
		rs   []milli
		want milli
	}{
		{nil, 0},
		{[]milli{600}, 600},
		{[]milli{600, 600}, 840},
		{[]milli{600, 600, 600}, 936},
		{[]milli{333, 333}, 555},    // 1 − 0.667² = 0.555111
		{[]milli{500, 1}, 501},      // 1 − 0.5 × 0.999 = 0.5005, half up
		{[]milli{1000, 0, 0}, 1000}, // one removes it all
	} {
		if got := combine(tc.rs); got != tc.want {
			t.Errorf("combine(%v) = %d, want %d", tc.rs, got, tc.want)
		}
		reversed := slices.Clone(tc.rs)
		slices.Reverse(reversed)
		if got := combine(reversed); got != tc.want {
			t.Errorf("combine(%v) = %d, want %d: the order matters", reversed, got, tc.want)
		}
	}
	// Forty controls do not overflow: 1 − 0.999⁴⁰ = 0.0392...
	var many []milli
	for range 40 {
		many = append(many, 1)
	}
	if got := combine(many); got != 39 {
		t.Errorf("combine of forty 0.001 = %d, want 39", got)
	}
	for _, tc := range []struct{ a, b, want milli }{{600, 813, 488}, {600, 625, 375}, {400, 1000, 400}, {1, 500, 1}, {1, 499, 0}} {
		if got := product(tc.a, tc.b); got != tc.want {
			t.Errorf("product(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// A register's stated strength wins over the default; a control of
// several types takes the highest default of its types.
func TestStrengthOfALink(t *testing.T) {
	e := riskEngine(t)
	re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: 5, Impact: 5, Controls: []riskregister.Link{
		{ID: "5.29"}, {ID: "8.13", Strength: 0.25}, {ID: "8.15"},
	}}}
	var warnings []string
	got := e.residual(re, results(e.catalog, map[string]float64{"5.29": 0.5, "8.13": 1, "8.15": 1}), RiskSettings{Appetite: 6, Method: RiskMethodScore}, &warnings)
	want := []RiskControl{
		{ID: "5.29", Status: StatusFail, Effectiveness: 0.5, Strength: 0.6, StrengthFrom: "default for preventive/corrective", Reduction: 0.3, Reduces: "score"},
		{ID: "8.13", Status: StatusPass, Effectiveness: 1, Strength: 0.25, StrengthFrom: "register", Reduction: 0.25, Reduces: "score"},
		{ID: "8.15", Status: StatusPass, Effectiveness: 1, Strength: 0.4, StrengthFrom: "default for detective", Reduction: 0.4, Reduces: "score"},
	}
	if !slices.Equal(got.Controls, want) {
		t.Errorf("controls\n got %+v\nwant %+v", got.Controls, want)
	}
	// 1 − 0.7 × 0.75 × 0.6 = 0.685; 25 × 0.315 = 7.875 → 8.
	if got.Reduction != 0.685 || got.Residual != 8 {
		t.Errorf("R %v, residual %d; want 0.685, 8", got.Reduction, got.Residual)
	}
}

// The risk settings record the model; a run recorded under another model
// is refused rather than computed under this one's rules.
func TestRiskModelIsRecordedAndChecked(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	settings := func(model any) facts.Fact {
		attrs := map[string]any{"appetite": int64(6), "method": "score"}
		if model != nil {
			attrs["model"] = model
		}
		return facts.Fact{Kind: facts.KindRiskSettings, ID: "risk_settings", Source: facts.Source{Provider: "risk-register", File: "annexa.yaml"}, Attributes: attrs}
	}
	risk := riskFact("R-1", 2, 2, []any{}, nil)
	r, err := e.Evaluate(context.Background(), []facts.Fact{risk, settings(int64(catalog.RiskModel))})
	if err != nil || r.Risks.Model != catalog.RiskModel {
		t.Fatalf("model %d: %v", catalog.RiskModel, err)
	}
	_, err = e.Evaluate(context.Background(), []facts.Fact{risk, settings(int64(1))})
	if err == nil || !strings.Contains(err.Error(), "annexa.yaml: the risk settings were recorded under risk model 1; this annexa computes residual risk with model 2 only") {
		t.Errorf("model 1: %v", err)
	}
	if _, err = e.Evaluate(context.Background(), []facts.Fact{risk, settings(nil)}); err == nil || !strings.Contains(err.Error(), "model") {
		t.Errorf("settings without a model: %v", err)
	}
}
