package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/bundles"
)

// Literal secrets in a plan, in Terraform source and in manifests of any
// workload kind, and a sensitive value derived into a failing function,
// reach nothing annexa writes: not stdout, stderr, the JSON report, the
// facts or any file of the signed bundle. Each literal is a finding of
// c5_17.literal_secrets (or c5_17.k8s_secret_env for built-in workloads).
func TestLiteralSecretsNeverLeaveE2E(t *testing.T) {
	const (
		jwt     = "9f8Kq2LmZx7Vb4Nc1Hj6Tp3Ys0Ua5Gd"
		stripe  = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9"
		pgpass  = "Wx4-pg-Ty7-pass"
		ghp     = "ghp_R7d9xQ2mZk4Lw8Vb3Nc6Hj1Tp5Ys0UaF2gEo"
		derived = "Sens1tive-Var-Value-77"
	)
	dockerAuth := base64.StdEncoding.EncodeToString([]byte("robot$ci:Zq8vN2kR5mW9xT"))
	secrets := []string{jwt, stripe, pgpass, ghp, dockerAuth, derived, base64.StdEncoding.EncodeToString([]byte(derived))}

	dir := t.TempDir()
	containerDefs := `[{"name":"api","image":"acme/api:1.4","environment":[{"name":"JWT_SIGNING_KEY","value":"` + jwt + `"},{"name":"LOG_LEVEL","value":"info"}]}]`
	change := func(typ string, after map[string]any) map[string]any {
		return map[string]any{"address": typ + ".x", "mode": "managed", "type": typ, "name": "x",
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change":        map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}, "after_sensitive": map[string]any{}}}
	}
	plan, _ := json.Marshal(map[string]any{
		"format_version": "1.2", "terraform_version": "1.9.8",
		"planned_values": map[string]any{"root_module": map[string]any{}},
		"resource_changes": []any{
			change("aws_lambda_function", map[string]any{"function_name": "api", "environment": []any{map[string]any{"variables": map[string]any{"STRIPE_SK": stripe, "PGPASS": pgpass}}}}),
			change("aws_ecs_task_definition", map[string]any{"family": "api", "container_definitions": containerDefs}),
			change("aws_instance", map[string]any{"ami": "ami-1", "user_data": "#!/bin/bash\nexport GITHUB_TOKEN=" + ghp + "\n"}),
		},
	})
	tf := `
variable "pw" {
  type      = string
  sensitive = true
}
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = { JWT_SIGNING_KEY = "` + jwt + `" }
  }
}
resource "aws_subnet" "s" { cidr_block = cidrhost(base64encode(var.pw), 1) }
`
	k8s := `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      containers:
      - name: api
        image: acme/api:1.4
        env:
        - {name: STRIPE_SK, value: "` + stripe + `"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: docker, namespace: payments}
data:
  config.json: '{"auths":{"registry.acme.io":{"auth":"` + dockerAuth + `"}}}'
`
	for name, data := range map[string]string{"plan.json": string(plan), "tf/main.tf": tf, "tf/terraform.tfvars": `pw = "` + derived + `"`, "k8s/app.yaml": k8s} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := annexaIn(t, dir, withPassword, "check", "--plan", "plan.json", "--tf", "tf", "--k8s", "k8s",
		"--format", "table", "--format", "json=report.json", "--bundle", "b.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"))
	if res.code != 1 {
		t.Fatalf("check: exit %d, want 1 (findings)\n%s%s", res.code, res.stdout, res.stderr)
	}
	facts := annexaIn(t, dir, nil, "facts", "--plan", "plan.json", "--tf", "tf", "--k8s", "k8s")
	report, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]byte{"stdout": []byte(res.stdout), "stderr": []byte(res.stderr), "report.json": report,
		"facts stdout": []byte(facts.stdout), "facts stderr": []byte(facts.stderr)}
	files := unpack(t, filepath.Join(dir, "b.tar.gz"))
	for name, data := range files {
		texts["bundle "+name] = data
	}
	var env struct{ Payload string }
	if err := json.Unmarshal(files[bundles.FileDSSE], &env); err != nil {
		t.Fatal(err)
	}
	statement, _ := base64.StdEncoding.DecodeString(env.Payload)
	texts["signed statement"] = statement
	for name, data := range texts {
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds the secret %q", name, s)
			}
		}
	}
	// The derived value's error is still reported, its detail replaced.
	if !strings.Contains(res.stderr+res.stdout+string(report), "sensitive value") {
		t.Errorf("the cidrhost error on a sensitive value is not reported:\n%s", res.stderr)
	}
	for _, want := range []string{
		"aws_lambda_function.x holds a literal secret at environment.0.variables.STRIPE_SK",
		"aws_lambda_function.x holds a literal secret at environment.0.variables.PGPASS",
		"aws_ecs_task_definition.x holds a literal secret at container_definitions",
		"aws_instance.x holds a literal secret at user_data",
		"aws_lambda_function.api holds a literal secret at environment.0.variables.JWT_SIGNING_KEY",
		// The Rollout's container env (it has a pod template) is reported by
		// c5_17.k8s_secret_env; its value is checked absent below.
		"ConfigMap/payments/docker holds a literal secret at data.config.json",
	} {
		if !bytes.Contains(report, []byte(want)) {
			t.Errorf("report lacks the finding %q", want)
		}
	}
}
