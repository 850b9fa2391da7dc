package engine

import "testing"

func TestControlEffectiveness(t *testing.T) {
	auto := &Policy{ID: "auto", Inputs: []string{"resource:aws_ebs_volume"}}
	mixed := &Policy{ID: "mixed", Inputs: []string{"evidence:asset_register", "resource:aws_instance"}}
	decl := &Policy{ID: "decl", Inputs: []string{"evidence:policy"}}
	facts := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a' + i))
		}
		return out
	}
	finding := func(res string, s Severity) Finding { return Finding{Resource: res, Severity: s} }
	for _, tc := range []struct {
		name   string
		status Status
		pols   []*Policy
		outs   []policyOutcome
		want   milli
	}{
		{"automated, every resource passes", StatusPass, []*Policy{auto}, []policyOutcome{{assessed: facts(4)}}, 1000},
		{"automated, one of four fails high", StatusFail, []*Policy{auto}, []policyOutcome{{assessed: facts(4), findings: []Finding{finding("a", SeverityHigh)}}}, 813},
		{"automated, a resource counts its worst finding once", StatusFail, []*Policy{auto}, []policyOutcome{{assessed: facts(2), findings: []Finding{finding("a", SeverityLow), finding("a", SeverityCritical)}}}, 500},
		{"automated, every resource fails critically", StatusFail, []*Policy{auto}, []policyOutcome{{assessed: facts(2), findings: []Finding{finding("a", SeverityCritical), finding("b", SeverityCritical)}}}, 0},
		{"automated, more findings than facts stays at 0", StatusFail, []*Policy{auto}, []policyOutcome{{assessed: facts(1), findings: []Finding{finding("a", SeverityCritical), finding("missing:x", SeverityCritical)}}}, 0},
		{"a policy reading resources and evidence is automated", StatusFail, []*Policy{mixed}, []policyOutcome{{assessed: facts(4), findings: []Finding{finding("a", SeverityMedium)}}}, 875},
		{"declared evidence present and in date", StatusPass, []*Policy{decl}, []policyOutcome{{assessed: facts(1)}}, 1000},
		{"declared evidence with a finding", StatusFail, []*Policy{decl}, []policyOutcome{{assessed: facts(3), findings: []Finding{finding("missing:policy/x", SeverityMedium)}}}, 0},
		{"both parts: their mean", StatusFail, []*Policy{auto, decl}, []policyOutcome{{assessed: facts(4), findings: []Finding{finding("a", SeverityLow)}}, {assessed: facts(1), findings: []Finding{finding("p", SeverityLow)}}}, 469},
		{"both parts: declared evidence missing counts 0", StatusFail, []*Policy{auto, decl}, []policyOutcome{{assessed: facts(2)}, {findings: []Finding{finding("missing:policy/x", SeverityMedium)}}}, 500},
		{"both parts: a declared part that judged nothing (no evidence in the run) is left out", StatusPass, []*Policy{auto, decl}, []policyOutcome{{assessed: facts(2)}, {}}, 1000},
		{"automated findings on nothing assessed count 0", StatusFail, []*Policy{auto, decl}, []policyOutcome{{findings: []Finding{finding("missing:x", SeverityLow)}}, {assessed: facts(1)}}, 500},
		{"not assessed counts as 0", StatusNotAssessed, []*Policy{auto}, []policyOutcome{{}}, 0},
		{"not applicable counts as 0", StatusNotApplicable, []*Policy{decl}, []policyOutcome{{assessed: facts(1)}}, 0},
		{"error counts as 0", StatusError, []*Policy{auto}, []policyOutcome{{assessed: facts(1)}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := controlEffectiveness(tc.status, tc.pols, tc.outs); got != tc.want {
				t.Errorf("effectiveness %d‰, want %d‰", got, tc.want)
			}
		})
	}
}
