package engine

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Table tests of the roll-up itself: policy outcomes to control status,
// and clause rule outcomes and sub-clauses to clause status. They call
// rollUp, fillClause and rollUpClause on hand-made outcomes, without
// compiling any Rego; engine_test.go and soa_test.go cover the same
// through Evaluate.

func rollupPolicy(id string, controls []string, inputs ...string) *Policy {
	return &Policy{ID: id, Controls: controls, Inputs: inputs, Severity: SeverityHigh}
}

func rollupFinding(p *Policy, resource string) Finding {
	return Finding{Policy: p.ID, Controls: p.Controls, Resource: resource, Severity: p.Severity, Message: "bad " + resource}
}

// rollupIndex is a fact index holding the given fact ids.
func rollupIndex(ids ...string) *factIndex {
	idx := &factIndex{byID: map[string]*facts.Fact{}}
	for _, id := range ids {
		idx.byID[id] = &facts.Fact{ID: id, Source: facts.Source{Provider: "test", File: "plan.json"}}
	}
	return idx
}

func TestRollUpControlStatus(t *testing.T) {
	cat := riskEngine(t).catalog
	ebs := rollupPolicy("c8_24.ebs", []string{"8.24"}, "resource:aws_ebs_volume")
	rds := rollupPolicy("c8_24.rds", []string{"8.24"}, "resource:aws_db_instance", "resource:aws_ebs_volume")
	both := rollupPolicy("c8_13.backup_and_crypto", []string{"8.13", "8.24"}, "resource:aws_db_instance")
	excluded := func(ids ...string) *declarations {
		d := &declarations{applicability: map[string]applicabilityEntry{}, applicabilityFiles: []string{"soa.yaml"}}
		for _, id := range ids {
			d.applicability[id] = applicabilityEntry{applicable: false, justification: "no such systems", source: "soa.yaml:7"}
		}
		return d
	}
	for _, tc := range []struct {
		name         string
		pols         []*Policy
		outs         []policyOutcome
		decl         *declarations
		id           string
		want         Status
		wantReason   string // a substring; "" wants no reason
		wantAssessed int
		wantFailed   int
		wantFindings int
		wantEff      float64
		wantReported int // findings in the report
	}{
		{
			name: "no policy maps to the control", pols: []*Policy{ebs}, outs: []policyOutcome{{assessed: []string{"v1"}}},
			id: "5.1", want: StatusNotAssessed, wantReason: "no policy evaluates this control yet",
		},
		{
			name: "policies that judged nothing", pols: []*Policy{ebs, rds}, outs: []policyOutcome{{}, {}},
			id: "8.24", want: StatusNotAssessed, wantReason: "no facts for its policies: needs resource:aws_db_instance, resource:aws_ebs_volume",
		},
		{
			name: "one policy judged facts, the other none: pass", pols: []*Policy{ebs, rds}, outs: []policyOutcome{{assessed: []string{"v1", "v2"}}, {}},
			id: "8.24", want: StatusPass, wantAssessed: 2, wantEff: 1,
		},
		{
			name: "facts judged by two policies count once", pols: []*Policy{ebs, rds}, outs: []policyOutcome{{assessed: []string{"v1", "v2"}}, {assessed: []string{"v2", "db"}}},
			id: "8.24", want: StatusPass, wantAssessed: 3, wantEff: 1,
		},
		{
			name: "a finding fails the control", pols: []*Policy{ebs, rds},
			outs: []policyOutcome{
				{assessed: []string{"v1", "v2", "v3", "v4"}, findings: []Finding{rollupFinding(ebs, "v1")}},
				{assessed: []string{"v1"}, findings: []Finding{rollupFinding(rds, "v1")}},
			},
			id: "8.24", want: StatusFail, wantAssessed: 4, wantFailed: 1, wantFindings: 2, wantEff: 0.813, wantReported: 2,
		},
		{
			name: "an error outranks findings", pols: []*Policy{ebs, rds},
			outs: []policyOutcome{
				{assessed: []string{"v1"}, findings: []Finding{rollupFinding(ebs, "v1")}},
				{err: errors.New("eval_conflict_error: functions must not produce multiple outputs")},
			},
			id: "8.24", want: StatusError, wantReason: "c8_24.rds: eval_conflict_error", wantAssessed: 1, wantFailed: 1, wantFindings: 1, wantReported: 1,
		},
		{
			name: "an error outranks the SoA's exclusion", pols: []*Policy{ebs}, outs: []policyOutcome{{err: errors.New("timed out")}},
			decl: excluded("8.24"), id: "8.24", want: StatusError, wantReason: "c8_24.ebs: timed out",
		},
		{
			name: "excluded in the SoA: not applicable, its findings not counted", pols: []*Policy{ebs},
			outs: []policyOutcome{{assessed: []string{"v1"}, findings: []Finding{rollupFinding(ebs, "v1")}}},
			decl: excluded("8.24"), id: "8.24", want: StatusNotApplicable,
			wantReason:   "excluded in the Statement of Applicability (soa.yaml:7): no such systems; its 1 finding(s) are not counted",
			wantAssessed: 1, wantFailed: 1, wantFindings: 1,
		},
		{
			name: "excluded without findings", pols: []*Policy{ebs}, outs: []policyOutcome{{assessed: []string{"v1"}}},
			decl: excluded("8.24"), id: "8.24", want: StatusNotApplicable,
			wantReason: "excluded in the Statement of Applicability (soa.yaml:7): no such systems", wantAssessed: 1,
		},
		{
			name: "excluded and judged by nothing", pols: nil, outs: nil,
			decl: excluded("5.1"), id: "5.1", want: StatusNotApplicable, wantReason: "excluded in the Statement of Applicability",
		},
		{
			name: "a finding against an excluded and an included control still counts", pols: []*Policy{both},
			outs: []policyOutcome{{assessed: []string{"db"}, findings: []Finding{rollupFinding(both, "db")}}},
			decl: excluded("8.24"), id: "8.13", want: StatusFail, wantAssessed: 1, wantFailed: 1, wantFindings: 1, wantEff: 0.25, wantReported: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &Engine{catalog: cat, policies: tc.pols, now: riskNow}
			decl := tc.decl
			if decl == nil {
				decl = &declarations{applicability: map[string]applicabilityEntry{}}
			}
			r := e.rollUp(rollupIndex("v1", "v2", "v3", "v4", "db"), tc.outs, decl, newWaiving(e))
			c := control(t, r, tc.id)
			if c.Status != tc.want {
				t.Errorf("%s = %s (%q), want %s", tc.id, c.Status, c.Reason, tc.want)
			}
			if tc.wantReason == "" && c.Reason != "" || !strings.Contains(c.Reason, tc.wantReason) {
				t.Errorf("%s reason %q, want %q", tc.id, c.Reason, tc.wantReason)
			}
			if c.Assessed != tc.wantAssessed || c.Failed != tc.wantFailed || c.Findings != tc.wantFindings {
				t.Errorf("%s assessed %d, failed %d, findings %d; want %d, %d, %d",
					tc.id, c.Assessed, c.Failed, c.Findings, tc.wantAssessed, tc.wantFailed, tc.wantFindings)
			}
			if c.Effectiveness != tc.wantEff {
				t.Errorf("%s effectiveness %v, want %v", tc.id, c.Effectiveness, tc.wantEff)
			}
			if len(r.Findings) != tc.wantReported {
				t.Errorf("%d findings reported, want %d: %+v", len(r.Findings), tc.wantReported, r.Findings)
			}
			// The SoA entry carries the control's status and applicability.
			_, isExcluded := decl.applicability[tc.id]
			var entry *SoAEntry
			for i := range r.SoA.Controls {
				if r.SoA.Controls[i].ID == tc.id {
					entry = &r.SoA.Controls[i]
				}
			}
			if entry == nil || entry.Status != c.Status || entry.Applicable == isExcluded {
				t.Errorf("SoA entry %+v for control %+v", entry, c)
			}
			// Every control gets exactly one status, counted once.
			total := 0
			for _, n := range r.Summary.ByStatus {
				total += n
			}
			if len(r.Controls) != len(cat.Controls) || total != len(cat.Controls) || r.Summary.Facts != 5 {
				t.Errorf("%d controls, %d counted by status, %d facts; want %d, %d, 5", len(r.Controls), total, r.Summary.Facts, len(cat.Controls), len(cat.Controls))
			}
			// Nothing looked at is never a pass.
			for _, other := range r.Controls {
				if other.Status == StatusPass && other.Assessed == 0 {
					t.Errorf("control %s passes with nothing assessed", other.ID)
				}
			}
		})
	}
}

func TestFindingSource(t *testing.T) {
	p := rollupPolicy("c5_9.inventory", []string{"5.9"}, "evidence:asset_register")
	idx := rollupIndex("asset_register/AR-1", "aws_s3_bucket.logs")
	idx.byID["asset_register/AR-1"].Source = facts.Source{Provider: "evidence", File: "evidence/assets.yaml", Line: 3}
	for _, tc := range []struct {
		resource string
		wantFile string // "" wants no source
	}{
		{"aws_s3_bucket.logs", "plan.json"},
		{"asset_register/AR-1", "evidence/assets.yaml"},
		{"asset_register/AR-1#laptop-7", "evidence/assets.yaml"}, // an entry of a record is found in the record's file
		{"missing:evidence:asset_register", ""},
		{"asset_register/AR-2#laptop-7", ""},
	} {
		f, _, err := (&Engine{}).toFinding(p, map[string]any{"msg": "no owner", "resource": tc.resource}, idx)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.wantFile == "" && f.Source != nil:
			t.Errorf("%s: source %+v, want none", tc.resource, f.Source)
		case tc.wantFile != "" && (f.Source == nil || f.Source.File != tc.wantFile):
			t.Errorf("%s: source %+v, want %s", tc.resource, f.Source, tc.wantFile)
		}
	}
}

func TestFillClause(t *testing.T) {
	clause := ClauseInputs{Evidence: []string{"document:soa"}, Declarations: []string{"applicability file"}, Controls: []string{"5.1"}}
	item := func(msg string, major bool, resources ...string) clauseItem {
		return clauseItem{msg: msg, resources: resources, major: major}
	}
	for _, tc := range []struct {
		name         string
		out          clauseOutcome
		want         ClauseStatus
		wantReasons  []string
		wantMet      []string
		wantEvidence []string
	}{
		{
			name: "the rule failed", out: clauseOutcome{status: ClauseConformant, err: errors.New("clauses.c6_1_3: undefined status")},
			want: ClauseError, wantReasons: []string{"clauses.c6_1_3: undefined status"},
		},
		{
			name: "nothing to judge it by", out: clauseOutcome{status: ClauseNotAssessed},
			want:        ClauseNotAssessed,
			wantReasons: []string{"nothing to judge it by: needs evidence document:soa; the applicability file; results of controls 5.1"},
		},
		{
			name: "conformant: what is met, by control order", out: clauseOutcome{status: ClauseConformant, met: []clauseItem{
				item("8.13 passes", false, "control/8.13"), item("8.2 passes", false, "control/8.2"), item("the SoA is approved", false, "document/SOA-1"),
			}},
			want: ClauseConformant, wantReasons: []string{"8.2 passes", "8.13 passes", "the SoA is approved"},
			wantEvidence: []string{"control/8.13", "control/8.2", "document/SOA-1"},
		},
		{
			name: "conformant without anything to cite", out: clauseOutcome{status: ClauseConformant},
			want: ClauseConformant, wantReasons: []string{},
		},
		{
			name: "gaps: major first, then what they are about; met kept apart", out: clauseOutcome{status: ClauseNonconformant,
				met: []clauseItem{item("the SoA is approved", false, "document/SOA-1")},
				gaps: []clauseItem{
					item("8.13 fails", false, "control/8.13"),
					item("no risk treatment plan", true, "missing:document:risk_treatment_plan"),
					item("8.2 fails", false, "control/8.2", "document/SOA-1"),
				}},
			want:         ClauseNonconformant,
			wantReasons:  []string{"no risk treatment plan", "8.2 fails", "8.13 fails"},
			wantMet:      []string{"the SoA is approved"},
			wantEvidence: []string{"control/8.13", "control/8.2", "document/SOA-1", "missing:document:risk_treatment_plan"},
		},
		{
			name: "not assessed with gaps gives the gaps", out: clauseOutcome{status: ClauseNotAssessed, gaps: []clauseItem{item("no SoA", false, "missing:document:soa")}},
			want: ClauseNotAssessed, wantReasons: []string{"no SoA"}, wantEvidence: []string{"missing:document:soa"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cr := ClauseResult{ID: "6.1.3"}
			fillClause(&cr, clause, tc.out)
			if cr.Status != tc.want || !slices.Equal(cr.Reasons, tc.wantReasons) || cr.Reasons == nil {
				t.Errorf("status %s, reasons %q; want %s, %q", cr.Status, cr.Reasons, tc.want, tc.wantReasons)
			}
			if !slices.Equal(cr.Met, tc.wantMet) || !slices.Equal(cr.Evidence, tc.wantEvidence) {
				t.Errorf("met %q, evidence %q; want %q, %q", cr.Met, cr.Evidence, tc.wantMet, tc.wantEvidence)
			}
		})
	}
}

func TestRollUpClause(t *testing.T) {
	sub := func(id string, s ClauseStatus) ClauseResult { return ClauseResult{ID: id, Parent: "9.3", Status: s} }
	for _, tc := range []struct {
		name        string
		children    []ClauseResult
		want        ClauseStatus
		wantReasons []string
	}{
		{
			name:     "all conformant, listed in clause order",
			children: []ClauseResult{sub("9.3.10", ClauseConformant), sub("9.3.2", ClauseConformant), sub("9.3.1", ClauseConformant)},
			want:     ClauseConformant, wantReasons: []string{"every sub-clause is conformant: 9.3.1, 9.3.2, 9.3.10"},
		},
		{
			name:     "none assessed",
			children: []ClauseResult{sub("9.3.1", ClauseNotAssessed), sub("9.3.2", ClauseNotAssessed)},
			want:     ClauseNotAssessed, wantReasons: []string{"no sub-clause could be assessed"},
		},
		{
			name:     "conformant and not assessed: partial, since part is not shown",
			children: []ClauseResult{sub("9.3.1", ClauseConformant), sub("9.3.2", ClauseNotAssessed)},
			want:     ClausePartial, wantReasons: []string{"sub-clauses not assessed: 9.3.2"},
		},
		{
			name:     "one partial sub-clause",
			children: []ClauseResult{sub("9.3.1", ClauseConformant), sub("9.3.2", ClausePartial), sub("9.3.3", ClauseConformant)},
			want:     ClausePartial, wantReasons: []string{"partially conformant sub-clauses: 9.3.2"},
		},
		{
			name:     "a nonconformant sub-clause is the worst but an error",
			children: []ClauseResult{sub("9.3.1", ClauseNonconformant), sub("9.3.2", ClausePartial), sub("9.3.3", ClauseNotAssessed)},
			want:     ClauseNonconformant,
			wantReasons: []string{
				"nonconformant sub-clauses: 9.3.1", "partially conformant sub-clauses: 9.3.2", "sub-clauses not assessed: 9.3.3",
			},
		},
		{
			name:     "an error decides",
			children: []ClauseResult{sub("9.3.1", ClauseNonconformant), sub("9.3.3", ClauseError), sub("9.3.2", ClauseError)},
			want:     ClauseError, wantReasons: []string{"sub-clauses could not be evaluated: 9.3.2, 9.3.3"},
		},
		{
			name: "other clauses' sub-clauses do not count",
			children: []ClauseResult{
				sub("9.3.1", ClauseConformant),
				{ID: "9.2.1", Parent: "9.2", Status: ClauseError},
				{ID: "10.1", Parent: "10", Status: ClauseNonconformant},
			},
			want: ClauseConformant, wantReasons: []string{"every sub-clause is conformant: 9.3.1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cr := ClauseResult{ID: "9.3"}
			rollUpClause(&cr, tc.children)
			if cr.Status != tc.want || !slices.Equal(cr.Reasons, tc.wantReasons) {
				t.Errorf("9.3 = %s %q, want %s %q", cr.Status, cr.Reasons, tc.want, tc.wantReasons)
			}
		})
	}
}
