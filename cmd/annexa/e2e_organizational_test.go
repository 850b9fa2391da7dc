package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// organizationalAControls are the organizational controls 5.1 to 5.18,
// each of which has policies over declared evidence.
var organizationalAControls = []string{
	"5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9",
	"5.10", "5.11", "5.12", "5.13", "5.14", "5.15", "5.16", "5.17", "5.18",
}

// TestDemoOrganizationalA checks controls 5.1 to 5.18 of the demo
// organisation over its declared evidence, as of the demo's effective date:
// the outcomes testdata/demo/evidence/organizational-a/README.md promises.
func TestDemoOrganizationalA(t *testing.T) {
	res := annexa(t, "check", "--format", "json", "--effective-time", "2026-11-20", "../../testdata/demo/evidence")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has failing controls); stderr: %s", res.code, res.stderr)
	}
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("output is not a JSON report: %v", err)
	}
	st := statuses(&r)
	for _, id := range organizationalAControls {
		t.Run(id, func(t *testing.T) {
			want := engine.StatusPass
			if id == "5.18" {
				want = engine.StatusFail
			}
			if st[id] != want {
				t.Errorf("control %s = %s, want %s", id, st[id], want)
			}
		})
	}

	var got []string
	for _, f := range r.Findings {
		for _, c := range f.Controls {
			if slices.Contains(organizationalAControls, c) {
				got = append(got, f.Policy+" "+f.Resource)
				break
			}
		}
	}
	slices.Sort(got)
	want := []string{"c5_18.access_reviews access_review/AR-2026Q3-AWS-PROD-PRIV"}
	if !slices.Equal(got, want) {
		t.Errorf("findings of 5.1-5.18:\n got %q\nwant %q", got, want)
	}
}

// TestOrganizationalANeedEvidence checks that a Terraform plan alone leaves
// the evidence-based controls 5.1 to 5.18 not assessed, naming the records
// they need, even though the plan has AWS resources without asset or
// classification tags: those are judged only against a declared register
// and scheme.
func TestOrganizationalANeedEvidence(t *testing.T) {
	r, res := checkJSON(t, "--plan", compliantPlan)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	needs := map[string]string{
		"5.1":  "evidence:policy",
		"5.3":  "evidence:role_register",
		"5.5":  "evidence:contact_register",
		"5.7":  "evidence:threat_intel_register",
		"5.8":  "evidence:project_register",
		"5.9":  "evidence:asset_register",
		"5.11": "evidence:personnel_register",
		"5.13": "evidence:procedure",
		"5.18": "evidence:access_review",
	}
	for _, c := range r.Controls {
		if !slices.Contains(organizationalAControls, c.ID) || c.ID == "5.15" {
			continue // 5.15 is also judged on IAM policies in the plan
		}
		if c.Status != engine.StatusNotAssessed {
			t.Errorf("control %s = %s from a plan alone, want not_assessed", c.ID, c.Status)
		}
		if want, ok := needs[c.ID]; ok && !strings.Contains(c.Reason, want) {
			t.Errorf("control %s reason %q does not name %s", c.ID, c.Reason, want)
		}
	}
}

// TestOrganizationalAMissingEvidence checks that when an evidence directory
// is given but the records a control needs are absent, the control fails
// with a finding naming what is missing, rather than staying silent.
func TestOrganizationalAMissingEvidence(t *testing.T) {
	dir := t.TempDir()
	registers := "../../testdata/demo/evidence/registers"
	entries, err := os.ReadDir(registers)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(registers, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res := annexa(t, "check", "--format", "json", "--effective-time", "2026-11-20", dir)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("output is not a JSON report: %v", err)
	}
	missing := map[string]string{
		"5.1":  "missing:policy/information_security_policy",
		"5.5":  "missing:contact_register/contact_register",
		"5.7":  "missing:threat_intel_register/threat_intelligence_register",
		"5.8":  "missing:project_register/project_register",
		"5.13": "missing:procedure/information_labelling_procedure",
		// With the asset register present, each system in scope lacks its reviews.
		"5.18": "asset_register/IT-ASSETS#AWS-PROD",
	}
	st := statuses(&r)
	for id, resource := range missing {
		if st[id] != engine.StatusFail {
			t.Errorf("control %s = %s with its records missing, want fail", id, st[id])
		}
		found := false
		for _, f := range r.Findings {
			found = found || (slices.Contains(f.Controls, id) && f.Resource == resource)
		}
		if !found {
			t.Errorf("control %s: no finding for %s", id, resource)
		}
	}
	for _, id := range []string{"5.2", "5.3", "5.9", "5.11", "5.16"} {
		if st[id] != engine.StatusPass {
			t.Errorf("control %s = %s over the demo registers alone, want pass", id, st[id])
		}
	}
}
