package kubernetes

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

const references = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: api, namespace: pay}
spec:
  template:
    spec:
      containers:
      - name: a
        image: nginx
        args: ["--private-key=/etc/tls/key", "--db-password=$(DB_PASSWORD)", "--api-token", "${TOKEN}", "--password", "/run/secrets/pw", "--token=literal-token-1"]
        env:
        - {name: DB_PASSWORD, value: "$(FROM_SECRET)"}
        - {name: DATABASE_URL, value: "postgres://app:$(DB_PASSWORD)@db:5432/x"}
        - {name: OTHER_URL, value: "postgres://app:literal-pw-2@db:5432/x"}
        - {name: API_KEY, value: "literal-key-3"}
        - {name: SIGNING_KEY, value: "/etc/keys/api"}
`

// Values that only point at a secret (a reference, a file) stay as written
// and unmarked; literals are redacted and marked, also in a custom
// resource with a pod template.
func TestReferencesAreNotSecrets(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "rollout.yaml")
	if err := os.WriteFile(file, []byte(references), 0o600); err != nil {
		t.Fatal(err)
	}
	fs, err := diag.AsError((Provider{}).Collect(context.Background(), file))
	if err != nil || len(fs) != 1 {
		t.Fatalf("facts = %d, err = %v", len(fs), err)
	}
	f := fs[0]
	c := f.Attributes[PodSpecAttribute].(map[string]any)["containers"].([]any)[0].(map[string]any)
	args := c["args"].([]any)
	want := []any{"--private-key=/etc/tls/key", "--db-password=$(DB_PASSWORD)", "--api-token", "${TOKEN}", "--password", "/run/secrets/pw", "--token=" + facts.Redacted}
	if !slices.Equal(args, want) {
		t.Errorf("args = %v, want %v", args, want)
	}
	env := c["env"].([]any)
	values := []any{}
	for _, e := range env {
		values = append(values, e.(map[string]any)["value"])
	}
	wantEnv := []any{"$(FROM_SECRET)", "postgres://app:$(DB_PASSWORD)@db:5432/x", facts.Redacted, facts.Redacted, "/etc/keys/api"}
	if !slices.Equal(values, wantEnv) {
		t.Errorf("env values = %v, want %v", values, wantEnv)
	}
	wantSensitive := []string{
		"pod_spec.containers.0.args.6",
		"pod_spec.containers.0.env.2.value",
		"pod_spec.containers.0.env.3.value",
		"spec.template.spec.containers.0.args.6",
		"spec.template.spec.containers.0.env.2.value",
		"spec.template.spec.containers.0.env.3.value",
	}
	if !slices.Equal(f.Sensitive, wantSensitive) {
		t.Errorf("sensitive = %v, want %v", f.Sensitive, wantSensitive)
	}
}
