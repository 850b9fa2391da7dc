package engine

import (
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/riskregister"
)

var riskNow = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

func riskEngine(t *testing.T) *Engine {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return &Engine{catalog: cat, now: riskNow}
}

// results gives each named control a status and effectiveness; the others
// are not assessed.
func results(cat *Catalog, set map[string]float64) map[string]ControlResult {
	out := map[string]ControlResult{}
	for _, c := range cat.Controls {
		out[c.ID] = ControlResult{ID: c.ID, Title: c.Title, Status: StatusNotAssessed}
	}
	for id, e := range set {
		st := StatusPass
		if e < 1 {
			st = StatusFail
		}
		out[id] = ControlResult{ID: id, Status: st, Effectiveness: e}
	}
	return out
}

// links are a risk's links to controls of the given ids, each of the
// default strength of its control type.
func links(ids ...string) []riskregister.Link {
	out := make([]riskregister.Link, len(ids))
	for i, id := range ids {
		out[i] = riskregister.Link{ID: id}
	}
	return out
}

// fullStrength are links of strength 1: each control alone would remove
// the risk when it works, so the reduction is the controls' combined
// effectiveness 1 − Π(1 − e), the arithmetic of risk model 1.
func fullStrength(ids ...string) []riskregister.Link {
	out := links(ids...)
	for i := range out {
		out[i].Strength = 1
	}
	return out
}

func TestResidualScore(t *testing.T) {
	e := riskEngine(t)
	score := RiskSettings{Appetite: 6, Method: RiskMethodScore}
	for _, tc := range []struct {
		name             string
		l, i             int
		controls         []string
		eff              map[string]float64
		wantE            float64
		wantResidual     int
		wantBand         Band
		wantAbove        bool
		wantL, wantI     int
		wantControlCount int
	}{
		{"no mitigating controls: 6 stays low, at the appetite", 2, 3, nil, nil, 0, 6, BandLow, false, 2, 3, 0},
		{"7 is medium and above the appetite: 8 x (1 - 0.125)", 2, 4, []string{"8.24"}, map[string]float64{"8.24": 0.125}, 0.125, 7, BandMedium, true, 2, 4, 1},
		{"all controls failing: 16 stays high", 4, 4, []string{"6.3", "6.8"}, map[string]float64{"6.3": 0, "6.8": 0}, 0, 16, BandHigh, true, 4, 4, 2},
		{"a control not assessed counts as 0: 15 stays medium", 3, 5, []string{"8.8"}, nil, 0, 15, BandMedium, true, 3, 5, 1},
		{"effectiveness 1 brings it to the floor of 1", 5, 5, []string{"8.13", "8.14"}, map[string]float64{"8.13": 1, "8.14": 0}, 1, 1, BandLow, false, 1, 5, 2},
		{"combined 1 - (1-0.5)(1-0.5) = 0.75: 16 -> 4", 4, 4, []string{"8.13", "8.24"}, map[string]float64{"8.13": 0.5, "8.24": 0.5}, 0.75, 4, BandLow, false, 1, 4, 2},
		{"15 x 0.6 = 9, placed in the lowest likelihood row not below it", 3, 5, []string{"8.24"}, map[string]float64{"8.24": 0.4}, 0.4, 9, BandMedium, true, 2, 5, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: tc.l, Impact: tc.i, Controls: fullStrength(tc.controls...)}, source: facts.Source{File: "risks.yaml", Line: 3}}
			var warnings []string
			got := e.residual(re, results(e.catalog, tc.eff), score, &warnings)
			if got.Inherent != tc.l*tc.i || got.Reduction != tc.wantE || got.Residual != tc.wantResidual ||
				got.ResidualBand != tc.wantBand || got.AboveAppetite != tc.wantAbove ||
				got.ResidualLikelihood != tc.wantL || got.ResidualImpact != tc.wantI || len(got.Controls) != tc.wantControlCount {
				t.Errorf("got inherent %d, E %v, residual %d %s, above %v, cell L%d I%d, %d controls; want E %v, residual %d %s, above %v, cell L%d I%d",
					got.Inherent, got.Reduction, got.Residual, got.ResidualBand, got.AboveAppetite, got.ResidualLikelihood, got.ResidualImpact, len(got.Controls),
					tc.wantE, tc.wantResidual, tc.wantBand, tc.wantAbove, tc.wantL, tc.wantI)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %v", warnings)
			}
		})
	}
}

func TestReduceRounding(t *testing.T) {
	for _, tc := range []struct {
		score int
		e     milli
		want  int
	}{
		{13, 500, 7},  // 6.5 rounds half up
		{15, 600, 6},  // exactly 6: the top of the low band
		{16, 1000, 1}, // never below 1
		{25, 0, 25},   // no reduction
		{20, 650, 7},  // 7.0 computed exactly in thousandths
		{10, 349, 7},  // 6.51 -> 7
		{10, 351, 6},  // 6.49 -> 6
	} {
		if got := reduce(tc.score, tc.e); got != tc.want {
			t.Errorf("reduce(%d, %d‰) = %d, want %d", tc.score, tc.e, got, tc.want)
		}
	}
}

func TestResidualSplit(t *testing.T) {
	e := riskEngine(t)
	split := RiskSettings{Appetite: 6, Method: RiskMethodSplit}
	// 8.13 backup is corrective, 8.24 cryptography preventive, 8.15
	// logging detective and 5.29 security during disruption preventive and
	// corrective.
	for _, tc := range []struct {
		name         string
		controls     []string
		eff          map[string]float64
		wantL, wantI int
		wantReduces  []string
	}{
		{"preventive reduces likelihood only", []string{"8.24"}, map[string]float64{"8.24": 1}, 1, 5, []string{"likelihood"}},
		{"corrective reduces impact only", []string{"8.13"}, map[string]float64{"8.13": 0.5}, 4, 3, []string{"impact"}},
		{"detective reduces likelihood", []string{"8.15"}, map[string]float64{"8.15": 0.5}, 2, 5, []string{"likelihood"}},
		{"a control of both types reduces both", []string{"5.29"}, map[string]float64{"5.29": 1}, 1, 1, []string{"likelihood and impact"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, id := range tc.controls {
				if ctl, _ := e.catalog.Lookup(id); len(ctl.Attributes.ControlType) == 0 {
					t.Fatalf("control %s has no control type in the catalog", id)
				}
			}
			re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: 4, Impact: 5, Controls: fullStrength(tc.controls...)}}
			var warnings []string
			got := e.residual(re, results(e.catalog, tc.eff), split, &warnings)
			if got.ResidualLikelihood != tc.wantL || got.ResidualImpact != tc.wantI || got.Residual != tc.wantL*tc.wantI {
				t.Errorf("residual L%d x I%d = %d, want L%d x I%d", got.ResidualLikelihood, got.ResidualImpact, got.Residual, tc.wantL, tc.wantI)
			}
			for i, c := range got.Controls {
				if c.Reduces != tc.wantReduces[i] {
					t.Errorf("%s reduces %q, want %q", c.ID, c.Reduces, tc.wantReduces[i])
				}
			}
			if got.LikelihoodReduction == nil || got.ImpactReduction == nil {
				t.Error("split method leaves the likelihood and impact reduction unset")
			}
		})
	}
}

func TestResidualAcceptance(t *testing.T) {
	e := riskEngine(t)
	s := RiskSettings{Appetite: 6, Method: RiskMethodScore}
	day := func(d string) time.Time { t, _ := time.Parse(time.DateOnly, d); return t }
	for _, tc := range []struct {
		name        string
		acc         *riskregister.Acceptance
		wantOK      bool
		wantProblem string
	}{
		{"no acceptance", nil, false, ""},
		{"valid until next year", &riskregister.Acceptance{By: "priya", Date: day("2026-06-01"), Expiry: day("2027-06-01")}, true, ""},
		{"without expiry", &riskregister.Acceptance{By: "priya", Date: day("2026-06-01")}, true, ""},
		{"expired yesterday", &riskregister.Acceptance{By: "priya", Date: day("2025-11-19"), Expiry: day("2026-11-19")}, false, "it expired on 2026-11-19"},
		{"expires at the effective time", &riskregister.Acceptance{By: "priya", Date: day("2025-11-20"), Expiry: riskNow}, false, "it expired on 2026-11-20"},
		{"given after the effective time", &riskregister.Acceptance{By: "priya", Date: day("2026-12-01")}, false, "it is dated 2026-12-01, after the effective date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			re := declaredRisk{Risk: riskregister.Risk{ID: "R", Likelihood: 3, Impact: 4, Acceptance: tc.acc}}
			var warnings []string
			got := e.residual(re, results(e.catalog, nil), s, &warnings)
			if !got.AboveAppetite || got.Accepted != tc.wantOK {
				t.Fatalf("above %v accepted %v, want above and accepted %v", got.AboveAppetite, got.Accepted, tc.wantOK)
			}
			if tc.acc != nil && got.Acceptance.Problem != tc.wantProblem {
				t.Errorf("problem %q, want %q", got.Acceptance.Problem, tc.wantProblem)
			}
		})
	}
}

func TestResidualWarnsOfExcludedControl(t *testing.T) {
	e := riskEngine(t)
	res := results(e.catalog, map[string]float64{"8.13": 1})
	res["8.30"] = ControlResult{ID: "8.30", Status: StatusNotApplicable}
	var warnings []string
	got := e.residual(declaredRisk{Risk: riskregister.Risk{ID: "R-9", Likelihood: 2, Impact: 5, Controls: links("8.13", "8.30")}, source: facts.Source{File: "risks.yaml", Line: 40}},
		res, RiskSettings{Appetite: 6, Method: RiskMethodScore}, &warnings)
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "risks.yaml:40: risk R-9 names control 8.30") {
		t.Errorf("warnings %v", warnings)
	}
	if got.Controls[1].Effectiveness != 0 || got.Controls[1].Reduction != 0 {
		t.Errorf("excluded control counts %v (reduction %v), want 0", got.Controls[1].Effectiveness, got.Controls[1].Reduction)
	}
}

func TestAssessRisksMatrices(t *testing.T) {
	e := riskEngine(t)
	r := &Report{}
	for id, c := range results(e.catalog, map[string]float64{"8.13": 1}) {
		c.ID = id
		r.Controls = append(r.Controls, c)
	}
	d := &declarations{settings: RiskSettings{Appetite: 6, Method: RiskMethodScore}, registerFiles: []string{"risks.yaml"}, risks: []declaredRisk{
		// 8.13 backup is corrective: it removes 0.4 of 25 and leaves 15.
		{Risk: riskregister.Risk{ID: "R-2", Likelihood: 5, Impact: 5, Controls: links("8.13")}},
		{Risk: riskregister.Risk{ID: "R-1", Likelihood: 4, Impact: 2}},
		{Risk: riskregister.Risk{ID: "R-3", Likelihood: 4, Impact: 2, Acceptance: &riskregister.Acceptance{By: "x", Date: riskNow.AddDate(0, -1, 0)}}},
	}}
	rr := e.assessRisks(r, d)
	if rr.Risks[0].ID != "R-1" || rr.Risks[2].ID != "R-3" {
		t.Errorf("risks not sorted by id: %v, %v, %v", rr.Risks[0].ID, rr.Risks[1].ID, rr.Risks[2].ID)
	}
	if rr.InherentMatrix[4][4] != 1 || rr.InherentMatrix[3][1] != 2 || rr.ResidualMatrix[2][4] != 1 || rr.ResidualMatrix[3][1] != 2 {
		t.Errorf("inherent %v, residual %v", rr.InherentMatrix, rr.ResidualMatrix)
	}
	if rr.Risks[0].Accepted || !rr.Risks[2].Accepted {
		t.Errorf("R-1 accepted %v, R-3 accepted %v; want only R-3", rr.Risks[0].Accepted, rr.Risks[2].Accepted)
	}
	s := rr.summary()
	if s.Risks != 3 || s.AboveAppetite != 3 || s.Unaccepted != 2 || s.Inherent[BandHigh] != 1 || s.Residual[BandMedium] != 3 {
		t.Errorf("summary %+v", s)
	}
}
