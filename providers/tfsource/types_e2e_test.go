package tfsource_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// typedSource writes each argument a policy reads with a type other than
// its schema's; Terraform converts them, and so must the source provider.
const typedSource = `
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-1"
  protocol          = "tcp"
  from_port         = "22"
  to_port           = "22"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_db_instance" "db" {
  identifier              = "db"
  storage_encrypted       = "false"
  backup_retention_period = "0"
}

resource "google_compute_instance" "vm" {
  name     = "vm"
  metadata = { enable-oslogin = false }
}

resource "azurerm_storage_account" "sa" {
  name                       = "sa"
  https_traffic_only_enabled = "false"
}

resource "azurerm_mssql_server" "sql" {
  name                = "sql"
  minimum_tls_version = 1.1
}
`

// typedPlan is the same configuration as terraform show -json gives it:
// every value in its schema type.
const typedPlan = `{
  "format_version": "1.2",
  "terraform_version": "1.9.8",
  "resource_changes": [
    {"address": "aws_security_group_rule.ssh", "mode": "managed", "type": "aws_security_group_rule", "name": "ssh",
     "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": ["create"], "after_unknown": {"id": true},
     "after": {"type": "ingress", "security_group_id": "sg-1", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}}},
    {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
     "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": ["create"], "after_unknown": {"id": true},
     "after": {"identifier": "db", "storage_encrypted": false, "backup_retention_period": 0}}},
    {"address": "google_compute_instance.vm", "mode": "managed", "type": "google_compute_instance", "name": "vm",
     "provider_name": "registry.terraform.io/hashicorp/google", "change": {"actions": ["create"], "after_unknown": {"id": true},
     "after": {"name": "vm", "metadata": {"enable-oslogin": "false"}}}},
    {"address": "azurerm_storage_account.sa", "mode": "managed", "type": "azurerm_storage_account", "name": "sa",
     "provider_name": "registry.terraform.io/hashicorp/azurerm", "change": {"actions": ["create"], "after_unknown": {"id": true},
     "after": {"name": "sa", "https_traffic_only_enabled": false}}},
    {"address": "azurerm_mssql_server.sql", "mode": "managed", "type": "azurerm_mssql_server", "name": "sql",
     "provider_name": "registry.terraform.io/hashicorp/azurerm", "change": {"actions": ["create"], "after_unknown": {"id": true},
     "after": {"name": "sql", "minimum_tls_version": "1.1"}}}
  ]
}`

// TestSchemaTypesJudgedAsInPlan: a built-in policy that compares typed
// values fires on source that writes them with another type exactly as on
// the plan of that source.
func TestSchemaTypesJudgedAsInPlan(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	plan := filepath.Join(dir, "plan.json")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "main.tf"), []byte(typedSource), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, []byte(typedPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	fromPlan := findingsByPolicy(t, eng, providers.Source{Path: plan, Provider: tfplan.Provider{}})
	fromSource := findingsByPolicy(t, eng, providers.Source{Path: src, Provider: tfsource.Provider{}})
	want := map[string][]string{
		"c8_20.aws_security_group": {"aws_security_group_rule.ssh"},
		"c8_24.aws_rds":            {"aws_db_instance.db"},
		"c8_13.aws_rds_backup":     {"aws_db_instance.db"},
		"c8_5.gcp_os_login":        {"google_compute_instance.vm"},
		"c8_24.azure_tls":          {"azurerm_mssql_server.sql", "azurerm_storage_account.sa"},
	}
	for id, resources := range want {
		if !slices.Equal(fromPlan[id], resources) {
			t.Errorf("plan: %s flags %q, want %q", id, fromPlan[id], resources)
		}
		if !slices.Equal(fromSource[id], resources) {
			t.Errorf("source: %s flags %q, want %q (as on the plan)", id, fromSource[id], resources)
		}
	}
}
