package project

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/internal/testfs"

	"github.com/annexa-dev/annexa/providers/config"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/external"
	"github.com/annexa-dev/annexa/providers/kubernetes"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

const record = "kind: procedure\nid: P1\ntopic: backup\ncontrols: [\"8.13\"]\nowner: ops\n"

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"annexa.yaml": `# the demo
version: 1
name: Acme
effective_time: 2026-11-20
fail_on: high
policies: [custom]
exclude: [examples, "vendor/*"]
sources:
  - plan: plans/tfplan.json
  - evidence: evidence/
`})
	p, err := Load(filepath.Join(dir, "annexa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Acme" || p.FailOn != "high" || !p.EffectiveTime.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("project = %+v", p)
	}
	if len(p.Policies) != 1 || p.Policies[0] != filepath.Join(dir, "custom") {
		t.Errorf("policies = %v", p.Policies)
	}
	if !slices.Equal(p.Exclude, []string{"examples", "vendor/*"}) {
		t.Errorf("exclude = %v", p.Exclude)
	}
	if len(p.Sources) != 2 || p.Sources[0].Path != filepath.Join(dir, "plans/tfplan.json") || p.Sources[1].Path != filepath.Join(dir, "evidence") {
		t.Fatalf("sources = %+v", p.Sources)
	}
	if _, ok := p.Sources[0].Provider.(tfplan.Provider); !ok {
		t.Errorf("plan source provider = %T", p.Sources[0].Provider)
	}
	if _, ok := p.Sources[1].Provider.(evidence.Provider); !ok {
		t.Errorf("evidence source provider = %T", p.Sources[1].Provider)
	}
}

func TestLoadSourceTypes(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"annexa.yaml": `version: 1
sources:
  - kubernetes: k8s/
  - config: etc/ssh/sshd_config
  - config: exports/repo.json
    format: github
  - provider: inventory
    source: assets/inventory.csv
    args: {tags: {owner: ops}}
    env: [INVENTORY_REGION]
    timeout: 90s
  - provider: cmdb
    command: [./bin/cmdb-export, --all]
  - provider: onpath
    command: [cmdb-export]
`})
	p, err := Load(filepath.Join(dir, "annexa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sources) != 6 {
		t.Fatalf("sources = %+v", p.Sources)
	}
	if k, ok := p.Sources[0].Provider.(kubernetes.Provider); !ok || p.Sources[0].Path != filepath.Join(dir, "k8s") {
		t.Errorf("kubernetes source = %+v (%T)", p.Sources[0], k)
	}
	if c, ok := p.Sources[1].Provider.(config.Provider); !ok || c.Format != "" || p.Sources[1].Path != filepath.Join(dir, "etc/ssh/sshd_config") {
		t.Errorf("config source = %+v", p.Sources[1])
	}
	if c, ok := p.Sources[2].Provider.(config.Provider); !ok || c.Format != config.FormatGitHub {
		t.Errorf("github config source = %+v", p.Sources[2])
	}
	inv, ok := p.Sources[3].Provider.(external.Provider)
	if !ok || inv.Name != "inventory" || p.Sources[3].Path != filepath.Join(dir, "assets/inventory.csv") || inv.Timeout != 90*time.Second ||
		len(inv.Env) != 1 || inv.Env[0] != "INVENTORY_REGION" || inv.Args["tags"].(map[string]any)["owner"] != "ops" || len(inv.Command) != 0 {
		t.Errorf("provider source = %+v %+v", p.Sources[3], inv)
	}
	cmdb := p.Sources[4].Provider.(external.Provider)
	if len(cmdb.Command) != 2 || cmdb.Command[0] != filepath.Join(dir, "bin/cmdb-export") || cmdb.Command[1] != "--all" || p.Sources[4].Path != "" {
		t.Errorf("command = %v, path %q", cmdb.Command, p.Sources[4].Path)
	}
	if onpath := p.Sources[5].Provider.(external.Provider); onpath.Command[0] != "cmdb-export" {
		t.Errorf("a command without a slash is looked up on PATH, got %v", onpath.Command)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"typo in source type", "version: 1\nsources:\n  - plann: x.json\n", `annexa.yaml:3:5: sources[0]: no source type: expected one of plan, terraform, evidence, kubernetes, config, aws, snapshot, provider (did you mean "plan" instead of "plann"?)`},
		{"two types in one entry", "version: 1\nsources:\n  - plan: x.json\n    evidence: ev\n", "names two source types"},
		{"extra field in entry", "version: 1\nsources:\n  - plan: x.json\n    vars: {a: b}\n", `annexa.yaml:4:5: sources[0] (plan): field /sources/0/vars: unknown field "vars"`},
		{"wrong version", "version: 2\nsources:\n  - plan: x.json\n", "annexa.yaml:1:1: project file: field /version"},
		{"unknown top-level field", "version: 1\nsource:\n  - plan: x.json\n", "missing properties: 'sources'"},
		{"no sources", "version: 1\nsources: []\n", "field /sources"},
		{"bad effective time", "version: 1\neffective_time: 2026-13-01\nsources:\n  - plan: x\n", "annexa.yaml:2:1: effective_time"},
		{"bad fail_on", "version: 1\nfail_on: severe\nsources:\n  - plan: x\n", "field /fail_on"},
		{"not yaml", "version: 1\n sources: [\n", "annexa.yaml:2: invalid YAML"},
		{"two documents", "version: 1\nsources: [{plan: x}]\n---\nversion: 1\n", "one YAML document, found 2"},
		{"empty", "", "file is empty"},
		{"bad config format", "version: 1\nsources:\n  - config: a.conf\n    format: xml\n", "annexa.yaml:4:5: sources[0] (config): field /sources/0/format"},
		{"bad provider name", "version: 1\nsources:\n  - provider: ../evil\n", "annexa.yaml:3:5: sources[0] (provider): field /sources/0/provider"},
		{"bad provider timeout", "version: 1\nsources:\n  - provider: x\n    timeout: soon\n", "field /sources/0/timeout"},
		{"provider env not a name", "version: 1\nsources:\n  - provider: x\n    env: [\"A=B\"]\n", "field /sources/0/env/0"},
		{"provider unknown field", "version: 1\nsources:\n  - provider: x\n    path: y\n", `unknown field "path"`},
		{"malformed exclude glob", "version: 1\nexclude:\n  - vendor\n  - \"[a\"\nsources:\n  - plan: x\n", `annexa.yaml:4:5: exclude[1] "[a": syntax error in pattern`},
		{"exclude not a list", "version: 1\nexclude: vendor\nsources:\n  - plan: x\n", "field /exclude"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{"annexa.yaml": tt.content})
			_, err := Load(filepath.Join(dir, "annexa.yaml"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"proj/annexa.yml":                "version: 1\nsources:\n  - evidence: ev\n",
		"plan.json":                      `{"format_version": "1.2", "resource_changes": []}`,
		"sorted-plan.json":               testfs.SortedKeysPlan,
		"ev/a.yaml":                      record,
		"ev.json":                        `[{"kind":"procedure","id":"P1"}]`,
		"other.json":                     `{"name": "package"}`,
		"manifests/deploy.yaml":          "apiVersion: apps/v1\nkind: Deployment\n",
		"nested/deep/ev/r.yaml":          record,
		"nested/artifacts/x.yml":         record,
		"pod.yml":                        "# a pod\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n",
		"list.json":                      `{"apiVersion": "v1", "items": [], "kind": "List", "metadata": {"resourceVersion": ""}}`,
		"ssh/sshd_config":                "PermitRootLogin no\n",
		"repo.json":                      `{"repository": {"full_name": "acme/api", "default_branch": "main", "private": true}}`,
		"app.toml":                       "a = 1\n",
		"my.cnf":                         "[mysqld]\n",
		"vault.hcl":                      "ui = true\n",
		"values/values.yaml":             "replicas: 3\nkind: thing\n",
		"crd.yaml":                       "apiVersion: example.com/v1alpha1\nkind: Widget\nmetadata: {name: w}\n",
		"infra/main.tf":                  "resource \"aws_s3_bucket\" \"b\" {}\n",
		"infra/values.yaml":              "replicas: 3\n",
		"infra-json/main.tf.json":        `{"resource": {}}`,
		"modules-only/modules/x/main.tf": "",
	})
	tests := []struct {
		path, provider, want string
	}{
		{"proj", "evidence.Provider", ""},
		{"proj/annexa.yml", "evidence.Provider", ""},
		{"plan.json", "tfplan.Provider", ""},
		{"sorted-plan.json", "tfplan.Provider", ""},
		{"ev", "evidence.Provider", ""},
		{"ev/a.yaml", "evidence.Provider", ""},
		{"ev.json", "evidence.Provider", ""},
		{"nested", "evidence.Provider", ""},
		{"other.json", "", "cannot tell what this file is"},
		{"manifests", "kubernetes.Provider", ""},
		{"manifests/deploy.yaml", "kubernetes.Provider", ""},
		{"pod.yml", "kubernetes.Provider", ""},
		{"list.json", "kubernetes.Provider", ""},
		{"crd.yaml", "kubernetes.Provider", ""},
		{"ssh/sshd_config", "config.Provider", ""},
		{"repo.json", "config.Provider", ""},
		{"app.toml", "config.Provider", ""},
		{"my.cnf", "config.Provider", ""},
		{"vault.hcl", "config.Provider", ""},
		{"values", "", "cannot tell what this directory holds"},
		{"ssh", "config.Provider", ""},
		{"values/values.yaml", "", "cannot tell what this file is"},
		{"missing", "", "no such file"},
		{"infra", "tfsource.Provider", ""},
		{"infra-json", "tfsource.Provider", ""},
		{"modules-only", "", "cannot tell what this directory holds"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, err := Resolve(filepath.Join(dir, tt.path))
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
					t.Errorf("err = %v, want it to name %s and say %q", err, tt.path, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Sources) != 1 || !strings.HasSuffix(fmt.Sprintf("%T", p.Sources[0].Provider), tt.provider) {
				t.Errorf("sources = %+v", p.Sources)
			}
		})
	}
}

func TestLoadTerraformSource(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"annexa.yaml": `version: 1
sources:
  - terraform: infra
    var_files: [env/prod.tfvars]
    vars: {region: eu-west-1, environment: prod}
`})
	p, err := Load(filepath.Join(dir, "annexa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tp, ok := p.Sources[0].Provider.(tfsource.Provider)
	if !ok || p.Sources[0].Path != filepath.Join(dir, "infra") {
		t.Fatalf("source = %+v", p.Sources[0])
	}
	want := []tfsource.Var{{File: filepath.Join(dir, "env/prod.tfvars")}, {Assignment: "environment=prod"}, {Assignment: "region=eu-west-1"}}
	if !slices.Equal(tp.Vars, want) {
		t.Errorf("vars = %+v, want %+v", tp.Vars, want)
	}
}

func TestLoadRollupSettings(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"annexa.yaml": `version: 1
sources:
  - evidence: evidence/
applicability: soa.yaml
risks: registers/risks.csv
risk:
  appetite: 8
  method: split
waivers: waivers.yaml
`})
	p, err := Load(filepath.Join(dir, "annexa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Applicability != filepath.Join(dir, "soa.yaml") || p.Risks != filepath.Join(dir, "registers/risks.csv") {
		t.Errorf("applicability %q, risks %q", p.Applicability, p.Risks)
	}
	if p.Risk.Appetite != 8 || p.Risk.Method != "split" || p.Risk.File != filepath.Join(dir, "annexa.yaml") || p.Risk.Line != 6 {
		t.Errorf("risk settings = %+v", p.Risk)
	}
	if p.Waivers != filepath.Join(dir, "waivers.yaml") {
		t.Errorf("waivers %q, want the file resolved against the project's directory", p.Waivers)
	}
}

func TestLoadRollupSettingsErrors(t *testing.T) {
	for name, tc := range map[string]struct{ body, want string }{
		"appetite out of range": {"risk: {appetite: 26}\n", "annexa.yaml:5"},
		"unknown method":        {"risk: {method: average}\n", "method"},
		"unknown risk field":    {"risk: {apetite: 6}\n", `unknown field "apetite"`},
		"empty applicability":   {"applicability: \"\"\n", "applicability"},
		"waivers not a file":    {"waivers: [{policy: x}]\n", "waivers"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{"annexa.yaml": "version: 1\nsources:\n  - evidence: e/\n\n" + tc.body})
			_, err := Load(filepath.Join(dir, "annexa.yaml"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to mention %q", err, tc.want)
			}
		})
	}
}
