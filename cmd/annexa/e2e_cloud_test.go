package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

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
