package tfsource

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

// TestDerivedSensitiveValuesNeverReachADiagnostic: an error about an
// expression that a sensitive value flows into (here a base64 of it inside
// a failing cidrhost) has its detail replaced, as Terraform does; neither
// the secret nor anything derived from it is shown.
func TestDerivedSensitiveValuesNeverReachADiagnostic(t *testing.T) {
	encoded := base64.StdEncoding.EncodeToString([]byte(secret))
	tests := []struct {
		name string
		expr string
	}{
		{"base64 in cidrhost", `cidrhost(base64encode(var.pw), 1)`},
		{"upper in cidrsubnet", `cidrsubnet(upper(var.pw), 8, 1)`},
		{"through a local", `cidrhost(local.derived, 1)`},
		{"interpolated", `cidrhost("10.0.0.0/${var.pw}", 1)`},
		{"sensitive() literal", `cidrhost(sensitive("` + strings.ToLower(secret) + `-lit"), 1)`},
		{"tonumber", `tonumber(base64encode(var.pw))`},
		{"templatefile", `templatefile("${path.module}/t.tpl", { pw = var.pw })`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"root/main.tf": `
variable "pw" {
  type      = string
  sensitive = true
}
locals { derived = base64encode(var.pw) }
resource "null_resource" "n" { x = ` + tt.expr + ` }
`, "root/terraform.tfvars": `pw = "` + secret + `"`,
				"root/t.tpl": `${cidrhost(base64encode(pw), 1)}`}
			for _, strict := range []bool{false, true} {
				_, warnings, err := collectWith(t, Provider{Strict: strict}, files)
				msg := warnings
				if err != nil {
					msg += err.Error()
				}
				if msg == "" {
					t.Fatal("want a diagnostic")
				}
				for _, s := range []string{secret, encoded, strings.ToUpper(secret), strings.ToLower(secret)} {
					if strings.Contains(msg, s) {
						t.Errorf("diagnostic shows a sensitive value %q: %s", s, msg)
					}
				}
				if !strings.Contains(msg, "sensitive") {
					t.Errorf("diagnostic does not say why its detail is hidden: %s", msg)
				}
				if !strings.Contains(msg, "root/main.tf:7:") {
					t.Errorf("diagnostic lost its position: %s", msg)
				}
			}
		})
	}
}

// Literal secrets written in Terraform source are redacted in the facts
// and reported as detected, whatever function built the value.
func TestLiteralSecretsInSource(t *testing.T) {
	const (
		jwt    = "9f8Kq2LmZx7Vb4Nc1Hj6Tp3Ys0Ua5Gd"
		stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9"
		pgpass = "Wx4-pg-Ty7-pass"
		ghp    = "ghp_R7d9xQ2mZk4Lw8Vb3Nc6Hj1Tp5Ys0UaF2gEo"
	)
	dockerAuth := base64.StdEncoding.EncodeToString([]byte("robot$ci:Zq8vN2kR5mW9xT"))
	files := map[string]string{"root/main.tf": `
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = {
      JWT_SIGNING_KEY = "` + jwt + `"
      STRIPE_SK       = "` + stripe + `"
      PGPASS          = "` + pgpass + `"
      REGION          = "eu-west-1"
    }
  }
}
resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{
    name  = "api"
    image = "acme/api:1.4"
    environment = [
      { name = "JWT_SIGNING_KEY", value = "` + jwt + `" },
      { name = "LOG_LEVEL", value = "info" },
    ]
  }])
}
resource "aws_instance" "web" {
  ami       = "ami-123"
  user_data = <<-EOT
    #!/bin/bash
    export GITHUB_TOKEN=` + ghp + `
    systemctl start app
  EOT
}
resource "kubernetes_config_map_v1" "docker" {
  metadata { name = "docker" }
  data = {
    "config.json" = jsonencode({ auths = { "registry.acme.io" = { auth = "` + dockerAuth + `" } } })
  }
}
`}
	fs, warnings, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := json.Marshal(docs(fs))
	for _, s := range []string{jwt, stripe, pgpass, ghp, dockerAuth} {
		if strings.Contains(string(all), s) || strings.Contains(warnings, s) {
			t.Errorf("secret %q appears in facts or warnings", s)
		}
	}
	byID := byID(fs)
	for id, paths := range map[string][]string{
		"aws_lambda_function.api":         {"environment.0.variables.JWT_SIGNING_KEY", "environment.0.variables.STRIPE_SK", "environment.0.variables.PGPASS"},
		"aws_ecs_task_definition.api":     {"container_definitions"},
		"aws_instance.web":                {"user_data"},
		"kubernetes_config_map_v1.docker": {"data.config.json"},
	} {
		for _, p := range paths {
			if byID[id].Detected[p] == "" {
				t.Errorf("%s: detected = %v, want %s", id, byID[id].Detected, p)
			}
		}
	}
	if _, ok := byID["aws_lambda_function.api"].Detected["environment.0.variables.REGION"]; ok {
		t.Error("REGION is no secret")
	}
	for _, kept := range []string{"eu-west-1", "LOG_LEVEL", "systemctl start app", "registry.acme.io"} {
		if !strings.Contains(string(all), kept) {
			t.Errorf("facts lost %q, which is no secret", kept)
		}
	}
}
