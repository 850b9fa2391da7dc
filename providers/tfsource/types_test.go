package tfsource

import (
	"slices"
	"strings"
	"testing"
)

// TestSchemaTypeConversion: each argument takes the type the provider
// schema gives it, as Terraform converts a configuration before it plans,
// so that source facts carry the types plan facts do. The expectations are
// Terraform's (cty's conversion rules) and were written before the code.
func TestSchemaTypeConversion(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// attrs maps fact id and attribute to the attribute's JSON.
		attrs map[[2]string]string
		// warnings must each appear among the warnings; none when empty.
		warnings  []string
		sensitive map[string][]string
	}{
		{
			name: "numbers written as strings",
			src: `resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  protocol    = "tcp"
  from_port   = "22"
  to_port     = "22"
  self        = "false"
  cidr_blocks = ["0.0.0.0/0"]
}`,
			attrs: map[[2]string]string{
				{"aws_security_group_rule.ssh", "from_port"}:   `22`,
				{"aws_security_group_rule.ssh", "to_port"}:     `22`,
				{"aws_security_group_rule.ssh", "self"}:        `false`,
				{"aws_security_group_rule.ssh", "protocol"}:    `"tcp"`,
				{"aws_security_group_rule.ssh", "cidr_blocks"}: `["0.0.0.0/0"]`,
			},
		},
		{
			name: "bools and numbers of a database",
			src: `resource "aws_db_instance" "db" {
  storage_encrypted       = "false"
  backup_retention_period = "0"
  deletion_protection     = "true"
  port                    = 5432
  engine_version          = 16
}`,
			attrs: map[[2]string]string{
				{"aws_db_instance.db", "storage_encrypted"}:       `false`,
				{"aws_db_instance.db", "backup_retention_period"}: `0`,
				{"aws_db_instance.db", "deletion_protection"}:     `true`,
				{"aws_db_instance.db", "port"}:                    `5432`,
				{"aws_db_instance.db", "engine_version"}:          `"16"`,
			},
		},
		{
			name: "map of strings",
			src: `resource "google_compute_instance" "vm" {
  name     = "vm"
  metadata = { enable-oslogin = false, serial-port-enable = 1, user-data = "x" }
  shielded_instance_config {
    enable_secure_boot = "true"
  }
}
resource "aws_s3_bucket" "b" {
  tags = { a = 1, b = true, c = "c" }
}`,
			attrs: map[[2]string]string{
				{"google_compute_instance.vm", "metadata"}:                 `{"enable-oslogin":"false","serial-port-enable":"1","user-data":"x"}`,
				{"google_compute_instance.vm", "shielded_instance_config"}: `[{"enable_secure_boot":true}]`,
				{"aws_s3_bucket.b", "tags"}:                                `{"a":"1","b":"true","c":"c"}`,
			},
		},
		{
			name: "numbers where strings are wanted",
			src: `resource "azurerm_storage_account" "sa" {
  name                       = "sa"
  min_tls_version            = 1.2
  https_traffic_only_enabled = "false"
}
resource "azurerm_mssql_server" "sql" {
  minimum_tls_version = 1.1
}`,
			attrs: map[[2]string]string{
				{"azurerm_storage_account.sa", "min_tls_version"}:            `"1.2"`,
				{"azurerm_storage_account.sa", "https_traffic_only_enabled"}: `false`,
				{"azurerm_mssql_server.sql", "minimum_tls_version"}:          `"1.1"`,
			},
		},
		{
			name: "nested and dynamic blocks, sets",
			src: `variable "ports" { default = ["443", "80"] }
resource "aws_security_group" "web" {
  ingress {
    from_port       = "22"
    to_port         = "22"
    protocol        = "tcp"
    security_groups = ["sg-b", "sg-a", "sg-b"]
  }
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
}`,
			attrs: map[[2]string]string{
				{"aws_security_group.web", "ingress"}: `[{"from_port":22,"protocol":"tcp","security_groups":["sg-a","sg-b"],"to_port":22},` +
					`{"from_port":443,"protocol":"tcp","to_port":443},{"from_port":80,"protocol":"tcp","to_port":80}]`,
			},
		},
		{
			name: "JSON syntax",
			src:  "",
			attrs: map[[2]string]string{
				{"aws_security_group.j", "ingress"}: `[{"from_port":3389,"to_port":3389}]`,
				{"aws_db_instance.j", "port"}:       `3306`,
			},
		},
		{
			name: "what cannot convert stays as written, with a warning",
			src: `resource "aws_db_instance" "db" {
  storage_encrypted = "yes"
  port              = [5432]
  tags              = { a = ["x"] }
  allocated_storage = "20"
}`,
			attrs: map[[2]string]string{
				{"aws_db_instance.db", "storage_encrypted"}: `"yes"`,
				{"aws_db_instance.db", "port"}:              `[5432]`,
				{"aws_db_instance.db", "tags"}:              `{"a":["x"]}`,
				{"aws_db_instance.db", "allocated_storage"}: `20`,
			},
			warnings: []string{
				"root/main.tf:2:23: Argument not of its schema type; storage_encrypted of aws_db_instance must be bool: a bool is required",
				"root/main.tf:3:23: Argument not of its schema type; port of aws_db_instance must be number: number required",
				"root/main.tf:4:23: Argument not of its schema type; tags of aws_db_instance must be map of string",
			},
		},
		{
			name: "unknown resource types, data sources and unknown values stay as they are",
			src: `variable "p" {}
resource "acme_widget" "w" { size = "22" }
data "aws_db_instance" "d" { db_instance_identifier = 7 }
resource "aws_security_group_rule" "r" {
  from_port = var.p
  to_port   = null
}`,
			attrs: map[[2]string]string{
				{"acme_widget.w", "size"}:                            `"22"`,
				{"data.aws_db_instance.d", "db_instance_identifier"}: `7`,
				{"aws_security_group_rule.r", "from_port"}:           `<absent>`,
				{"aws_security_group_rule.r", "to_port"}:             `null`,
			},
		},
		{
			name: "sensitive values stay sensitive",
			src: `variable "retention" {
  sensitive = true
  default   = "35"
}
resource "aws_db_instance" "db" {
  backup_retention_period = var.retention
}`,
			sensitive: map[string][]string{"aws_db_instance.db": {"backup_retention_period"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"root/main.tf": tt.src}
			if tt.name == "JSON syntax" {
				files = map[string]string{"root/main.tf.json": `{"resource": {
  "aws_security_group": {"j": {"ingress": [{"from_port": "3389", "to_port": "3389"}]}},
  "aws_db_instance": {"j": {"port": "3306"}}
}}`}
			}
			fs, warnings, err := run(t, files)
			if err != nil {
				t.Fatalf("run failed: %v", err)
			}
			for k, want := range tt.attrs {
				if got := attrJSON(t, fs, k[0], k[1]); got != want {
					t.Errorf("%s.%s = %s, want %s", k[0], k[1], got, want)
				}
			}
			for _, w := range tt.warnings {
				if !strings.Contains(warnings, "warning: "+w) {
					t.Errorf("warnings lack %q:\n%s", w, warnings)
				}
			}
			if len(tt.warnings) == 0 && strings.Contains(warnings, "schema type") {
				t.Errorf("unexpected warnings:\n%s", warnings)
			}
			for id, want := range tt.sensitive {
				f := byID(fs)[id]
				if !slices.Equal(f.Sensitive, want) {
					t.Errorf("%s sensitive = %v, want %v", id, f.Sensitive, want)
				}
				if strings.Contains(attrJSON(t, fs, id, want[0]), "35") {
					t.Errorf("%s.%s leaks the sensitive value", id, want[0])
				}
			}
		})
	}
}
