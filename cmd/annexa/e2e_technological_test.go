package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// technologicalAControls are the technological controls of 8.1-8.17 that
// gained policies beside the AWS ones of controlsWithPolicies.
var technologicalAControls = []string{"8.1", "8.4", "8.6", "8.7", "8.8", "8.9", "8.10", "8.11", "8.12", "8.17"}

// TestDemoTechnologicalEvidence checks the demo organisation's evidence for
// the technological controls (testdata/demo/evidence/technological-a/README.md),
// with the compliant plan standing in for the demo's own: 8.1 and 8.8 fail
// for the one reason each that the README gives, the rest pass.
func TestDemoTechnologicalEvidence(t *testing.T) {
	res := annexa(t, "check", "--format", "json", "--effective-time", "2026-11-20", "--plan", compliantPlan, "../../testdata/demo/evidence")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has failing controls); stderr: %s", res.code, res.stderr)
	}
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("output is not a JSON report: %v", err)
	}
	st := statuses(&r)
	for _, id := range append(slices.Clone(technologicalAControls), "8.13") {
		want := engine.StatusPass
		if id == "8.1" || id == "8.8" {
			want = engine.StatusFail
		}
		if st[id] != want {
			t.Errorf("control %s = %s, want %s", id, st[id], want)
		}
	}
	var got []string
	for _, f := range r.Findings {
		if slices.ContainsFunc(f.Controls, func(c string) bool { return slices.Contains(technologicalAControls, c) || c == "8.13" }) {
			got = append(got, f.Policy+" "+f.Resource+" "+f.Message)
		}
	}
	slices.Sort(got)
	want := []string{
		"c8_1.endpoint_compliance endpoint_compliance/EC-2026-11#LT-0025 MacBook Pro 14 (Marco Rossi) (LT-0025) (used by marco.rossi@acme-payments.example) in export EC-2026-11: required security updates are missing",
		"c8_8.vulnerability_remediation vulnerability_register/VULN-REG#VULN-2026-044 high vulnerability VULN-2026-044 (CVE-2026-41877) on SW-PAYMENTS-API, found on 2026-09-28, is still open; it was due to be fixed by 2026-10-28 (30 days)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("technological findings:\n got %q\nwant %q", got, want)
	}
}

// TestTechnologicalNeedEvidence checks that a plan alone assesses only the
// technological controls whose resources it holds: the others stay not
// assessed, naming the evidence records they need, and never pass.
func TestTechnologicalNeedEvidence(t *testing.T) {
	r, res := checkJSON(t, "--plan", compliantPlan)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	needs := map[string]string{
		"8.1":  "evidence:endpoint_compliance",
		"8.4":  "evidence:access_review",
		"8.7":  "evidence:endpoint_compliance",
		"8.8":  "evidence:vulnerability_register",
		"8.9":  "evidence:document",
		"8.11": "evidence:data_handling_register",
		"8.12": "evidence:policy",
		"8.17": "evidence:document",
	}
	st := statuses(r)
	for _, c := range r.Controls {
		want, ok := needs[c.ID]
		if !ok {
			continue
		}
		if c.Status != engine.StatusNotAssessed || !strings.Contains(c.Reason, want) {
			t.Errorf("control %s = %s (%s) from a plan alone, want not_assessed naming %s", c.ID, c.Status, c.Reason, want)
		}
	}
	// The plan's log group has a retention period and its database grows its
	// storage: 8.10 and 8.6 are assessed from the plan.
	for _, id := range []string{"8.6", "8.10"} {
		if st[id] != engine.StatusPass {
			t.Errorf("control %s = %s, want pass", id, st[id])
		}
	}
}
