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

// technologicalBControls are the technological controls 8.18 to 8.34 that
// have policies over evidence or over Terraform resources of any cloud,
// besides 8.20, 8.22 and 8.24, which controlsWithPolicies lists.
var technologicalBControls = []string{
	"8.18", "8.19", "8.21", "8.23", "8.25", "8.26", "8.27", "8.28", "8.29",
	"8.30", "8.31", "8.32", "8.33", "8.34",
}

// TestCloudPlans checks the Azure and GCP plan fixtures
// (testdata/plans/README-azure-gcp.md): exactly the misconfigured resources
// are found, and the controls they map to fail.
func TestCloudPlans(t *testing.T) {
	tests := []struct {
		plan string
		want []string
		fail []string
		pass []string
	}{
		{
			plan: "../../testdata/plans/azure-network.json",
			want: []string{
				// The network stack's key vault and SQL server also lack the
				// audit logging 8.15 asks for.
				"c8_15.azure_key_vault_logging azurerm_key_vault.main",
				"c8_15.azure_sql_auditing azurerm_mssql_server.main",
				"c8_20.azure_nsg azurerm_network_security_group.web",
				"c8_20.azure_nsg azurerm_network_security_rule.sql_public",
				"c8_24.azure_customer_keys azurerm_managed_disk.batch",
				"c8_24.azure_key_rotation azurerm_key_vault_key.webhook_signing",
				"c8_24.azure_tls azurerm_postgresql_flexible_server_configuration.require_secure_transport",
				"c8_24.azure_tls azurerm_storage_account.statements",
			},
			fail: []string{"8.15", "8.20", "8.22", "8.24"},
			pass: []string{"8.31"},
		},
		{
			plan: "../../testdata/plans/gcp-network.json",
			want: []string{
				"c8_20.gcp_firewall google_compute_firewall.allow_admin",
				"c8_24.gcp_customer_keys google_storage_bucket.exports",
				"c8_24.gcp_kms_rotation google_kms_crypto_key.archive",
				"c8_24.gcp_sql_tls google_sql_database_instance.reporting",
			},
			fail: []string{"8.20", "8.22", "8.24"},
			pass: []string{"8.21", "8.31"},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.plan), func(t *testing.T) {
			r, res := checkJSON(t, "--plan", tt.plan)
			if res.code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
			}
			if got := findingPairs(r); !slices.Equal(got, tt.want) {
				t.Errorf("findings (policy resource):\n got %q\nwant %q", got, tt.want)
			}
			for _, f := range r.Findings {
				if f.Source == nil || f.Source.File != tt.plan || f.Message == "" || f.Remediation == "" {
					t.Errorf("finding lacks source, message or remediation: %+v", f)
				}
			}
			st := statuses(r)
			for _, id := range tt.fail {
				if st[id] != engine.StatusFail {
					t.Errorf("control %s = %s, want fail", id, st[id])
				}
			}
			for _, id := range tt.pass {
				if st[id] != engine.StatusPass {
					t.Errorf("control %s = %s, want pass", id, st[id])
				}
			}
		})
	}
}

// TestDemoTechnologicalB checks controls 8.18 to 8.34 of the demo
// organisation, plan and evidence together, as of the demo's effective date:
// the outcomes testdata/demo/evidence/technological-b/README.md promises.
func TestDemoTechnologicalB(t *testing.T) {
	res := annexa(t, "check", "--format", "json", "../../testdata/demo")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has failing controls); stderr: %s", res.code, res.stderr)
	}
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("output is not a JSON report: %v", err)
	}
	want := map[string]engine.Status{
		"8.18": engine.StatusPass, "8.19": engine.StatusPass, "8.20": engine.StatusPass,
		"8.21": engine.StatusNotAssessed, "8.22": engine.StatusPass, "8.23": engine.StatusPass,
		"8.24": engine.StatusFail, "8.25": engine.StatusPass, "8.26": engine.StatusPass,
		"8.27": engine.StatusPass, "8.28": engine.StatusFail, "8.29": engine.StatusPass,
		"8.30": engine.StatusPass, "8.31": engine.StatusPass, "8.32": engine.StatusFail,
		"8.33": engine.StatusPass, "8.34": engine.StatusPass,
	}
	st := statuses(&r)
	for id, w := range want {
		if st[id] != w {
			t.Errorf("control %s = %s, want %s", id, st[id], w)
		}
	}
	var got []string
	for _, f := range r.Findings {
		for _, c := range f.Controls {
			if _, ok := want[c]; ok {
				got = append(got, f.Policy+" "+f.Resource)
				break
			}
		}
	}
	slices.Sort(got)
	wantFindings := []string{
		"c8_24.aws_kms_rotation aws_kms_key.data",
		"c8_28.secure_coding_training personnel_register/HR-PEOPLE#marco.rossi@acme-payments.example",
		"c8_32.change_records change_record/CHG-2026-H2#CHG-2026-131",
	}
	if !slices.Equal(got, wantFindings) {
		t.Errorf("findings of 8.18-8.34:\n got %q\nwant %q", got, wantFindings)
	}
}

// TestTechnologicalBNeedEvidence checks that a Terraform plan alone leaves
// the evidence-based development controls not assessed, naming the records
// they need, while 8.31 is judged on the plan's environment tags.
func TestTechnologicalBNeedEvidence(t *testing.T) {
	r, res := checkJSON(t, "--plan", compliantPlan)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	needs := map[string]string{
		"8.18": "evidence:procedure",
		"8.25": "evidence:policy",
		"8.26": "evidence:asset_register",
		"8.28": "evidence:training_record",
		"8.29": "evidence:security_test",
		"8.30": "evidence:supplier_register",
		"8.32": "evidence:change_record",
		"8.34": "evidence:internal_audit",
	}
	for _, c := range r.Controls {
		if !slices.Contains(technologicalBControls, c.ID) {
			continue
		}
		want := engine.StatusNotAssessed
		if c.ID == "8.31" {
			want = engine.StatusPass // every resource is tagged Environment = prod
		}
		if c.Status != want {
			t.Errorf("control %s = %s from the compliant plan alone, want %s", c.ID, c.Status, want)
		}
		if w, ok := needs[c.ID]; ok && !strings.Contains(c.Reason, w) {
			t.Errorf("control %s reason %q does not name %s", c.ID, c.Reason, w)
		}
	}
}

// TestTechnologicalBMissingEvidence checks that with an evidence directory
// of the demo registers alone, the development records are reported
// missing, and the applications and developers in the registers are named.
func TestTechnologicalBMissingEvidence(t *testing.T) {
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
		"8.18": "missing:procedure/procedure_for_privileged_utility_programs",
		"8.25": "missing:policy/secure_development_policy",
		"8.26": "asset_register/IT-ASSETS#SW-PAYMENTS-API",
		"8.28": "personnel_register/HR-PEOPLE#aiko.tanaka@acme-payments.example",
		"8.29": "asset_register/IT-ASSETS#SW-PAYMENTS-API",
		"8.32": "missing:change_record/change_records",
		"8.33": "missing:procedure/test_data_procedure",
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
	// No supplier in the register develops for the organisation.
	if st["8.30"] != engine.StatusPass {
		t.Errorf("control 8.30 = %s over the demo supplier register, want pass", st["8.30"])
	}
}
