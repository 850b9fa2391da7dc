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

// peopleAndPhysicalControls are the controls of themes 6 and 7, all of which
// have evidence policies.
var peopleAndPhysicalControls = []string{
	"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8",
	"7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "7.10", "7.11", "7.12", "7.13", "7.14",
}

// TestDemoPeopleAndPhysical checks the people (6.x) and physical (7.x)
// controls of the demo organisation over its declared evidence, as of the
// demo's effective date: each outcome its READMEs under
// testdata/demo/evidence/{people,physical} promise.
func TestDemoPeopleAndPhysical(t *testing.T) {
	res := annexa(t, "check", "--format", "json", "--effective-time", "2026-11-20", "../../testdata/demo/evidence")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has failing controls); stderr: %s", res.code, res.stderr)
	}
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("output is not a JSON report: %v", err)
	}
	st := statuses(&r)
	failing := map[string]bool{"6.3": true, "6.8": true, "7.7": true}
	for _, id := range peopleAndPhysicalControls {
		t.Run(id, func(t *testing.T) {
			want := engine.StatusPass
			if failing[id] {
				want = engine.StatusFail
			}
			if st[id] != want {
				t.Errorf("control %s = %s, want %s", id, st[id], want)
			}
		})
	}

	var got []string
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Policy, "c6_") || strings.HasPrefix(f.Policy, "c7_") {
			got = append(got, f.Policy+" "+f.Resource)
		}
	}
	slices.Sort(got)
	want := []string{
		"c6_3.awareness_training personnel_register/HR-PEOPLE#jonas.berg@acme-payments.example",
		"c6_8.reporting_awareness personnel_register/HR-PEOPLE#jonas.berg@acme-payments.example",
		"c7_7.clear_desk_inspection physical_inspection/PHY-LON-CD-2026-11",
	}
	if !slices.Equal(got, want) {
		t.Errorf("people and physical findings:\n got %q\nwant %q", got, want)
	}
}

// TestPeopleAndPhysicalNeedEvidence checks that without declared evidence
// the people and physical controls stay not assessed, naming the records
// they need, and never pass.
func TestPeopleAndPhysicalNeedEvidence(t *testing.T) {
	// A plan with nothing in it: facts of no kind the 6.x and 7.x policies read.
	plan := filepath.Join(t.TempDir(), "tfplan.json")
	empty := `{"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {"root_module": {}}, "resource_changes": []}`
	if err := os.WriteFile(plan, []byte(empty), 0o600); err != nil {
		t.Fatal(err)
	}
	r, res := checkJSON(t, "--plan", plan)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	needs := map[string]string{
		"6.1":  "evidence:screening_record",
		"6.3":  "evidence:training_record",
		"6.4":  "evidence:procedure",
		"6.6":  "evidence:nda_record",
		"7.1":  "evidence:physical_inspection",
		"7.13": "evidence:equipment_maintenance",
		"7.14": "evidence:disposal_record",
	}
	for _, c := range r.Controls {
		if !strings.HasPrefix(c.ID, "6.") && !strings.HasPrefix(c.ID, "7.") {
			continue
		}
		if c.Status != engine.StatusNotAssessed {
			t.Errorf("control %s = %s without evidence, want not_assessed", c.ID, c.Status)
		}
		if want, ok := needs[c.ID]; ok && !strings.Contains(c.Reason, want) {
			t.Errorf("control %s reason %q does not name %s", c.ID, c.Reason, want)
		}
	}
}
