package kubernetes

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/testfs"
	"github.com/annexa-dev/annexa/providers/facts"
)

// Literal secrets in environment values and command-line flags are
// redacted and reported as detected in every kind that runs containers:
// the built-in workloads, an Argo Rollout, an OpenShift DeploymentConfig and
// any custom resource with a pod template, found by shape, not by kind.
func TestLiteralSecretsInAnyWorkload(t *testing.T) {
	const (
		jwt    = "9f8Kq2LmZx7Vb4Nc1Hj6Tp3Ys0Ua5Gd"
		stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9"
		pgpass = "Wx4-pg-Ty7-pass"
		flagpw = "Fl4g-Pw-9xQ2mZk4"
	)
	podSpec := func(indent string) string {
		return strings.ReplaceAll(`containers:
- name: app
  image: acme/app:1.4
  args: ["--db-password=`+flagpw+`", "--port=8080"]
  env:
  - {name: JWT_SIGNING_KEY, value: "`+jwt+`"}
  - {name: STRIPE_SK, value: "`+stripe+`"}
  - {name: PGPASS, value: "`+pgpass+`"}
  - {name: LOG_LEVEL, value: info}
  - name: DB_PASSWORD
    valueFrom: {secretKeyRef: {name: db, key: password}}
`, "\n", "\n"+indent)
	}
	tests := []struct {
		name, manifest, id, base string
	}{
		{"Deployment", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      " + podSpec("      "),
			"Deployment/default/api", "spec.template.spec"},
		{"Argo Rollout", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: api}\nspec:\n  strategy: {canary: {}}\n  template:\n    spec:\n      " + podSpec("      "),
			"Rollout/default/api", "spec.template.spec"},
		{"OpenShift DeploymentConfig", "apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      " + podSpec("      "),
			"DeploymentConfig/default/api", "spec.template.spec"},
		{"any CRD", "apiVersion: example.com/v1\nkind: Worker\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      " + podSpec("      "),
			"Worker/default/api", "spec.template.spec"},
		{"Knative-like nested", "apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      " + podSpec("      "),
			"Service/default/api", "spec.template.spec"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{"w.yaml": tt.manifest})
			fs, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
			if err != nil {
				t.Fatal(err)
			}
			f := byID(t, fs)[tt.id]
			doc, _ := json.Marshal(f.Document())
			for _, s := range []string{jwt, stripe, pgpass, flagpw} {
				if strings.Contains(string(doc), s) {
					t.Errorf("fact holds the secret %q: %s", s, doc)
				}
			}
			c := tt.base + ".containers.0."
			for _, p := range []string{c + "env.0.value", c + "env.1.value", c + "env.2.value", c + "args.0"} {
				if f.Detected[p] == "" {
					t.Errorf("detected = %v, want %s", f.Detected, p)
				}
			}
			if _, ok := f.Detected[c+"env.3.value"]; ok {
				t.Error("LOG_LEVEL is no secret")
			}
			if !strings.Contains(string(doc), `"--port=8080"`) || !strings.Contains(string(doc), `"--db-password=(sensitive)"`) {
				t.Errorf("flags not kept apart: %s", doc)
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

// A Docker config in a ConfigMap (where it does not belong) is judged by
// its names and values; in a Secret it is redacted by position, not
// reported.
func TestDockerAuthsInConfigMap(t *testing.T) {
	auth := base64.StdEncoding.EncodeToString([]byte("robot$ci:Zq8vN2kR5mW9xT"))
	cfg := `{"auths":{"registry.acme.io":{"auth":"` + auth + `"}}}`
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"c.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: docker}\ndata:\n  config.json: '" + cfg + "'\n---\n" +
		"apiVersion: v1\nkind: Secret\nmetadata: {name: pull}\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '" + cfg + "'\n"})
	fs, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
	if err != nil {
		t.Fatal(err)
	}
	all, _ := json.Marshal(fs)
	if strings.Contains(string(all), auth) {
		t.Errorf("facts hold the registry credential: %s", all)
	}
	got := byID(t, fs)
	if got["ConfigMap/default/docker"].Detected["data.config.json"] == "" {
		t.Errorf("ConfigMap: detected = %v", got["ConfigMap/default/docker"].Detected)
	}
	if len(got["Secret/default/pull"].Detected) != 0 {
		t.Errorf("Secret data is where a secret belongs, yet detected = %v", got["Secret/default/pull"].Detected)
	}
}
