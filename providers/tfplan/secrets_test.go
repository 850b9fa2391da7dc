package tfplan

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Literal secrets in a plan that Terraform does not mark sensitive (they
// sit in arguments whose schema is not sensitive) are redacted and
// reported as detected, by path and rule, never by value.
func TestLiteralSecretsDetected(t *testing.T) {
	const (
		jwt    = "9f8Kq2LmZx7Vb4Nc1Hj6Tp3Ys0Ua5Gd"
		stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9"
		pgpass = "Wx4-pg-Ty7-pass"
		ghp    = "ghp_R7d9xQ2mZk4Lw8Vb3Nc6Hj1Tp5Ys0UaF2gEo"
		dockpw = "robot$ci:Zq8vN2kR5mW9xT"
	)
	dockerAuth := base64.StdEncoding.EncodeToString([]byte(dockpw))
	containerDefs := `[{"name":"api","image":"acme/api:1.4","essential":true,"environment":[{"name":"JWT_SIGNING_KEY","value":"` + jwt + `"},{"name":"LOG_LEVEL","value":"info"}]}]`
	dockerConfig := `{"auths":{"registry.acme.io":{"auth":"` + dockerAuth + `"}}}`
	tests := []struct {
		name, typ  string
		after      map[string]any
		path, kept string
		secrets    []string
	}{
		{"lambda environment", "aws_lambda_function",
			map[string]any{"function_name": "api", "environment": []any{map[string]any{"variables": map[string]any{"JWT_SIGNING_KEY": jwt, "STRIPE_SK": stripe, "PGPASS": pgpass, "REGION": "eu-west-1"}}}},
			"environment.0.variables.STRIPE_SK", "eu-west-1", []string{jwt, stripe, pgpass}},
		{"ecs container_definitions", "aws_ecs_task_definition",
			map[string]any{"family": "api", "container_definitions": containerDefs},
			"container_definitions", "LOG_LEVEL", []string{jwt}},
		{"user_data", "aws_instance",
			map[string]any{"ami": "ami-123", "user_data": "#!/bin/bash\nexport GITHUB_TOKEN=" + ghp + "\nsystemctl start app\n"},
			"user_data", "systemctl start app", []string{ghp}},
		{"docker auths", "kubernetes_config_map_v1",
			map[string]any{"data": map[string]any{"config.json": dockerConfig}},
			"data.config.json", "registry.acme.io", []string{dockerAuth, dockpw}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := plan(t, []map[string]any{change(tt.typ+".x", "", tt.typ, "x", nil, []string{"create"}, nil, tt.after, map[string]any{}, map[string]any{})}, nil, nil)
			fs := collect(t, data)
			f := fs[tt.typ+".x"]
			doc, _ := json.Marshal(f.Document())
			for _, s := range tt.secrets {
				if strings.Contains(string(doc), s) {
					t.Errorf("fact holds the secret %q: %s", s, doc)
				}
			}
			if f.Detected[tt.path] == "" {
				t.Errorf("detected = %v, want %s", f.Detected, tt.path)
			}
			if !strings.Contains(string(doc), tt.kept) || !strings.Contains(string(doc), facts.Redacted) {
				t.Errorf("fact lost what is not secret (%q) or the marker: %s", tt.kept, doc)
			}
			v, err := facts.NewValidator()
			if err != nil {
				t.Fatal(err)
			}
			if err := v.Validate(f.Document()); err != nil {
				t.Errorf("fact does not validate: %v", err)
			}
		})
	}
}
