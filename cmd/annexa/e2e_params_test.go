package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// paramsPolicy reports every widget with the minimum TLS version in
// force, so the report shows which value the policy read.
const paramsPolicy = `# METADATA
# title: Widgets name the TLS minimum
# custom:
#   controls: ["8.24"]
#   severity: low
#   coverage: supporting
#   inputs: ["resource:test_widget"]
#   parameters: ["tls_min_version"]
#   remediation: None.
package annexa.controls.c8_24.test_params

import data.annexa.lib.params

deny contains finding if {
	some r in data.facts.resources_by_type.test_widget
	finding := {"msg": sprintf("TLS minimum in force is %s", [params.value("tls_min_version")]), "resource": r.id}
}

judged contains r.id if {
	some r in data.facts.resources_by_type.test_widget
}
`

// paramsProject writes a project whose annexa.yaml holds the given
// parameters: block (indented lines) and returns its directory.
func paramsProject(t *testing.T, parameters string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"annexa.yaml":           "version: 1\nname: params\n" + parameters + "policies: [policies]\nsources:\n  - terraform: infra\n",
		"infra/main.tf":         "resource \"test_widget\" \"w\" {\n  name = \"w\"\n}\n",
		"policies/c8_24/p.rego": paramsPolicy,
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestParametersFromTheProjectFile(t *testing.T) {
	dir := paramsProject(t, "parameters:\n  tls_min_version: \"1.3\"\n")
	res := annexaIn(t, dir, withPassword, "check", ".", "--format", "json=report.json",
		"--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"), "--effective-time", "2026-01-31")
	if res.code != 1 {
		t.Fatalf("check: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r engine.Report
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range r.Findings {
		found = found || (f.Policy == "c8_24.test_params" && f.Message == "TLS minimum in force is 1.3")
	}
	if !found {
		t.Errorf("no finding reading the project's value: %+v", r.Findings)
	}
	// The bundle records the values in force as a fact, so a replay
	// evaluates with them and reproduces the report.
	res = annexaIn(t, dir, nil, "verify", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.pub"), "--replay")
	if res.code != 0 {
		t.Errorf("verify --replay: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}

	// Without parameters: the declared default is in force.
	dir = paramsProject(t, "")
	res = annexaIn(t, dir, nil, "check", ".", "--format", "json")
	if res.code != 1 || !strings.Contains(res.stdout, "TLS minimum in force is 1.2") {
		t.Errorf("default: exit %d\n%s", res.code, res.stderr)
	}
}

func TestParametersAreChecked(t *testing.T) {
	for _, tc := range []struct {
		name, parameters, want string
	}{
		{"misspelt name", "parameters:\n  tls_min_versoin: \"1.3\"\n", `annexa.yaml:4: parameters: unknown parameter "tls_min_versoin" (did you mean tls_min_version?)`},
		{"unknown name", "parameters:\n  retention: 30\n", `annexa.yaml:4: parameters: unknown parameter "retention"; the policies declare `},
		{"wrong type", "parameters:\n  tls_min_version: 1.3\n", "annexa.yaml:4: parameters: parameter tls_min_version must be a string like its default \"1.2\", got a number"},
		{"not a mapping", "parameters: [tls_min_version]\n", "parameters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := paramsProject(t, tc.parameters)
			res := annexaIn(t, dir, nil, "check", ".")
			if res.code != 2 || !strings.Contains(res.stderr, tc.want) {
				t.Errorf("exit %d, want 2 and %q\n%s", res.code, tc.want, res.stderr)
			}
		})
	}
}

func TestControlsShowParameters(t *testing.T) {
	dir := paramsProject(t, "parameters:\n  tls_min_version: \"1.3\"\n")
	res := annexa(t, "controls", "show", "8.24", "--project", dir)
	for _, want := range []string{"Parameters (", `tls_min_version = "1.3" (set at ` + filepath.Join(dir, "annexa.yaml") + ":4)", `default "1.2", after CIS`, "c8_24.test_params"} {
		if res.code != 0 || !strings.Contains(res.stdout, want) {
			t.Errorf("controls show --project: exit %d, lacks %q\n%s%s", res.code, want, res.stdout, res.stderr)
		}
	}
	res = annexa(t, "controls", "show", "8.24", "--policy", filepath.Join(dir, "policies"), "--format", "json")
	var e controlEntry
	if err := json.Unmarshal([]byte(res.stdout), &e); err != nil {
		t.Fatalf("%v\n%s", err, res.stderr)
	}
	found := false
	for _, p := range e.Parameters {
		if p.Name == "tls_min_version" {
			found = p.Value == "1.2" && p.From == "default"
		}
	}
	if !found {
		t.Errorf("parameters = %+v, want tls_min_version at its default 1.2", e.Parameters)
	}
}
