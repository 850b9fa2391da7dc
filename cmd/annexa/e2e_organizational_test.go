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

// TestRegistersAloneReportMissingEvidence checks that when an evidence
// directory is given but the records a control needs are absent, the
// control fails with a finding naming what is missing (or, where a register
// lists what needs records, the register entry that lacks them), rather
// than staying silent; and that the controls the registers do decide pass.
func TestRegistersAloneReportMissingEvidence(t *testing.T) {
	t.Parallel()
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
		"5.1":  "missing:policy/information_security",
		"5.5":  "missing:contact_register",
		"5.7":  "missing:threat_intel_register",
		"5.8":  "missing:project_register",
		"5.13": "missing:procedure/information_labelling",
		// With the asset register present, each system in scope lacks its
		// reviews, each application its requirements and tests, and each
		// developer their training.
		"5.18": "asset_register/IT-ASSETS#AWS-PROD",
		"8.18": "missing:procedure/privileged_utilities",
		"8.25": "missing:policy/secure_development",
		"8.26": "asset_register/IT-ASSETS#SW-PAYMENTS-API",
		"8.28": "personnel_register/HR-PEOPLE#aiko.tanaka@acme-payments.example",
		"8.29": "asset_register/IT-ASSETS#SW-PAYMENTS-API",
		"8.32": "missing:change_record",
		"8.33": "missing:procedure/test_data",
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
	// 8.30: no supplier in the register develops for the organisation, so
	// its policy judged nothing: not assessed, not a pass.
	if c := controlResult(&r, "8.30"); c.Status != engine.StatusNotAssessed || !strings.Contains(c.Reason, "judged none") {
		t.Errorf("control 8.30 = %s (%s) over the demo registers alone, want not_assessed: nothing it applies to", c.Status, c.Reason)
	}
}
