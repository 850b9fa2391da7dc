package tfsource

import (
	"encoding/base64"
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
