package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// demoProject is the README's main command: the demo organisation's
// project file names its plan and evidence and fixes its effective time.
const demoProject = "../../testdata/demo"

// demoFindings are the demo's deliberate failures, described in the
// READMEs under testdata/demo: one policy and resource per line.
var demoFindings = []string{
	"c5_18.access_reviews access_review/AR-2026Q3-AWS-PROD-PRIV",
	"c5_22.supplier_reviews supplier_register/SUP-REGISTER#paylink",
	"c5_27.lessons_learned incident_register/IR-2026#INC-2026-005",
	"c6_3.awareness_training personnel_register/HR-PEOPLE#jonas.berg@acme-payments.example",
	"c6_8.reporting_awareness personnel_register/HR-PEOPLE#jonas.berg@acme-payments.example",
	"c7_7.clear_desk_inspection physical_inspection/PHY-LON-CD-2026-11",
	"c8_1.endpoint_compliance endpoint_compliance/EC-2026-11#LT-0025",
	"c8_24.aws_kms_rotation aws_kms_key.data",
	"c8_28.secure_coding_training personnel_register/HR-PEOPLE#marco.rossi@acme-payments.example",
	"c8_32.change_records change_record/CHG-2026-H2#CHG-2026-131",
	"c8_8.vulnerability_remediation vulnerability_register/VULN-REG#VULN-2026-044",
	// Residual risks above the appetite without a valid acceptance
	// (testdata/demo/risks.yaml): R-04 rests on 6.3 and 6.8, R-06 on 5.18
	// and its acceptance expired.
	"risk.acceptance risk/R-04",
	"risk.acceptance risk/R-06",
}

// demoSupportingOnly are the controls that in the demo only supporting
// policies judge: evidence towards them that cannot pass them alone (5.4,
// 8.12, 8.17, 8.23 and 8.33 have no other policy).
var demoSupportingOnly = map[string]bool{
	"5.4": true, "8.4": true, "8.9": true, "8.12": true, "8.17": true, "8.18": true, "8.23": true, "8.33": true,
}

// TestDemo runs the demo organisation as the README tells a newcomer to:
// every one of the 93 controls gets a status, most pass, the deliberate
// failures fail for the reasons the demo's READMEs give, the one control
// nothing in the demo decides says what would, and the one the SoA
// excludes is not applicable.
func TestDemo(t *testing.T) {
	t.Parallel()
	res := annexa(t, "check", demoProject, "--format", "json")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has findings); stderr: %s", res.code, res.stderr)
	}
	var r *engine.Report
	decodeJSON(t, res.stdout, &r)
	if len(r.Controls) != 93 {
		t.Fatalf("%d controls, want 93", len(r.Controls))
	}
	if got := findingPairs(r); !slices.Equal(got, demoFindings) {
		t.Errorf("findings (policy resource):\n got %q\nwant %q", got, demoFindings)
	}
	failing := map[string]bool{}
	for _, f := range r.Findings {
		for _, c := range f.Controls {
			failing[c] = true
		}
	}
	for _, c := range r.Controls {
		want := engine.StatusPass
		switch {
		case failing[c.ID]:
			want = engine.StatusFail
		case c.ID == "8.30":
			// The demo's Statement of Applicability excludes it: nothing
			// is outsourced.
			want = engine.StatusNotApplicable
			if !strings.Contains(c.Reason, "excluded in the Statement of Applicability") {
				t.Errorf("8.30 reason %q does not give the SoA's justification", c.Reason)
			}
		case demoSupportingOnly[c.ID]:
			// Only supporting policies judged the demo's facts for it.
			want = engine.StatusNotAssessed
			if !strings.Contains(c.Reason, "supporting") {
				t.Errorf("%s reason %q does not say that only supporting policies judged it", c.ID, c.Reason)
			}
		case c.ID == "8.21":
			// No load balancer, CDN or API endpoint in the demo's plan.
			want = engine.StatusNotAssessed
			if !strings.Contains(c.Reason, "resource:aws_lb_listener") {
				t.Errorf("8.21 reason %q does not say what would decide it", c.Reason)
			}
		}
		if c.Status != want {
			t.Errorf("control %s = %s (%s), want %s", c.ID, c.Status, c.Reason, want)
		}
	}
	if r.EffectiveTime.Format("2006-01-02") != "2026-11-20" {
		t.Errorf("effective time %s, want the project file's 2026-11-20", r.EffectiveTime)
	}
}

// TestEvidenceControlsNeedEvidence checks that a plan alone leaves every
// control that only declared evidence can decide not assessed, naming the
// evidence it needs, and never reported as passing.
func TestEvidenceControlsNeedEvidence(t *testing.T) {
	t.Parallel()
	res := annexa(t, "controls", "--format", "json")
	if res.code != 0 {
		t.Fatalf("controls: exit %d: %s", res.code, res.stderr)
	}
	var entries []controlEntry
	decodeJSON(t, res.stdout, &entries)
	evidenceOnly, supportingOnly := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		supportingOnly[e.ID] = e.Coverage == engine.CoverageSupporting
		only := true
		for _, in := range e.Inputs {
			only = only && strings.HasPrefix(in, "evidence")
		}
		evidenceOnly[e.ID] = only
	}

	r, res := checkJSON(t, "--plan", compliantPlan)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	n := 0
	for _, c := range r.Controls {
		if !evidenceOnly[c.ID] {
			continue
		}
		n++
		if supportingOnly[c.ID] {
			// No evidence would pass it: it has only supporting policies.
			if c.Status != engine.StatusNotAssessed || !strings.Contains(c.Reason, "all supporting evidence") {
				t.Errorf("control %s = %s (%q) from a plan alone, want not_assessed: its policies are all supporting", c.ID, c.Status, c.Reason)
			}
			continue
		}
		if c.Status != engine.StatusNotAssessed || !strings.Contains(c.Reason, "needs evidence:") {
			t.Errorf("control %s = %s (%q) from a plan alone, want not_assessed naming the evidence it needs", c.ID, c.Status, c.Reason)
		}
	}
	if n < 50 {
		t.Errorf("only %d controls are decided by evidence alone; the test checks too little", n)
	}
	// Capacity (database storage autoscaling) and deletion (log retention)
	// are partly decided by the plan itself.
	st := statuses(r)
	for _, id := range []string{"8.6", "8.10"} {
		if st[id] != engine.StatusPass {
			t.Errorf("control %s = %s from the compliant plan, want pass", id, st[id])
		}
	}
}

func decodeJSON(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("output is not the JSON expected: %v\n%s", err, out)
	}
}
