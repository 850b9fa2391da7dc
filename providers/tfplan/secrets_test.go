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

// A literal secret written in the configuration is detected even when the
// planned value does not show it: the AWS provider plans an instance's
// user_data as a hash of the script. A literal that is not secret, and a
// value from a variable (no constant), are left alone.
func TestConfiguredLiteralSecretsDetected(t *testing.T) {
	const ghp = "ghp_R7d9xQ2mZk4Lw8Vb3Nc6Hj1Tp5Ys0UaF2gEo"
	hash := "3c5d7a0f2b8e4d9c1a6f0e2b7d4c9a8e5f1b3d2c"
	config := func(userData map[string]any) map[string]any {
		return map[string]any{"root_module": map[string]any{"resources": []any{
			map[string]any{"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web",
				"expressions": map[string]any{"ami": map[string]any{"constant_value": "ami-123"}, "user_data": userData,
					"root_block_device": []any{map[string]any{"encrypted": map[string]any{"constant_value": true}}}}},
		}}}
	}
	tests := []struct {
		name     string
		userData map[string]any
		want     bool
	}{
		{"literal secret in a hashed user_data", map[string]any{"constant_value": "#!/bin/bash\nexport GITHUB_TOKEN=" + ghp + "\n"}, true},
		{"literal without a secret", map[string]any{"constant_value": "#!/bin/bash\nsystemctl start app\n"}, false},
		{"from a variable", map[string]any{"references": []any{"var.user_data"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := map[string]any{"ami": "ami-123", "user_data": hash, "root_block_device": []any{map[string]any{"encrypted": true}}}
			data := plan(t, []map[string]any{change("aws_instance.web", "", "aws_instance", "web", nil, []string{"create"}, nil, after, map[string]any{}, map[string]any{})}, nil, config(tt.userData))
			f := collect(t, data)["aws_instance.web"]
			if got := f.Detected["user_data"] != ""; got != tt.want {
				t.Errorf("detected %v, want user_data detected: %v", f.Detected, tt.want)
			}
			doc, _ := json.Marshal(f.Document())
			if strings.Contains(string(doc), ghp) {
				t.Errorf("fact holds the secret: %s", doc)
			}
			if tt.want && f.Attributes["user_data"] != facts.Redacted {
				t.Errorf("user_data = %v, want it redacted", f.Attributes["user_data"])
			}
			if !tt.want && f.Attributes["user_data"] != hash {
				t.Errorf("user_data = %v, want the planned hash kept", f.Attributes["user_data"])
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
