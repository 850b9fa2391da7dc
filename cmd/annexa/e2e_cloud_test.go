package main

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// TestCloudPlans checks the Azure and GCP plan fixtures
// (testdata/plans/README-azure-gcp.md): exactly the misconfigured resources
// are found, and the controls they map to fail.
func TestCloudPlans(t *testing.T) {
	t.Parallel()
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
				"c8_24.azure_key_expiry azurerm_key_vault_key.webhook_signing",
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
			t.Parallel()
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
