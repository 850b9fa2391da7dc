package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
)

// Tests of the Kubernetes, configuration and external provider sources
// through the whole CLI, run in process.

const (
	k8sGood      = "../../testdata/k8s/good"
	k8sBad       = "../../testdata/k8s/bad"
	configGood   = "../../testdata/config/good"
	configBad    = "../../testdata/config/bad"
	mixedProject = "../../testdata/mixed"
	providersDir = "../../testdata/providers"
	inventoryCSV = "../../testdata/providers/inventory.csv"
)

// sourceSecrets are literal secrets in the fixtures; no output may hold
// them.
var sourceSecrets = map[string][]string{
	k8sBad: {
		"sk_live_51Nq8ZpAcmePaymentsS3cr3tK3y", "pg-url-pass-9931", "Sftp-Pa55-2026!",
		"whr_tok_8d7f6e5c4b3a2910", "TGVkZzNyLURiLVBhNTV3MHJkITIwMjY=",
	},
	k8sGood:    {"G00d-Ledg3r-Pa55!2026"},
	configGood: {"T0ml-Db-Pa55-2026", "My5ql-R3p0rt-2026"},
}

func reportOf(t *testing.T, res result) *engine.Report {
	t.Helper()
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("output is not a JSON report: %v\nstderr: %s", err, res.stderr)
	}
	return &r
}

func findingPairs(r *engine.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Policy+" "+f.Resource)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// needPython skips tests of the example provider, a Python script, where
// Python is not installed.
func needPython(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the test providers are Unix scripts")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
}

// pathWithProviders is a PATH on which annexa finds the test providers.
func pathWithProviders(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(providersDir)
	if err != nil {
		t.Fatal(err)
	}
	return "PATH=" + dir + string(os.PathListSeparator) + os.Getenv("PATH")
}

func TestKubernetesManifests(t *testing.T) {
	t.Parallel()
	good, res := checkJSON(t, "--k8s", k8sGood)
	if res.code != 0 || len(good.Findings) != 0 {
		t.Fatalf("good manifests: exit %d, findings %v; stderr %s", res.code, findingPairs(good), res.stderr)
	}
	st := statuses(good)
	for _, id := range []string{"5.17", "8.2", "8.6", "8.9", "8.18", "8.22", "8.24"} {
		if st[id] != engine.StatusPass {
			t.Errorf("good manifests: control %s = %s, want pass", id, st[id])
		}
	}
	// For 8.4 the environment-variable check is supporting evidence only:
	// it cannot pass the control on its own.
	if c := controlResult(good, "8.4"); c.Status != engine.StatusNotAssessed || !strings.Contains(c.Reason, "only supporting policies judged facts (c5_17.k8s_secret_env)") {
		t.Errorf("good manifests: control 8.4 = %s (%s), want not_assessed for lack of a decisive policy", c.Status, c.Reason)
	}

	// Detected as manifests when given as a PATH.
	bad, res := checkJSON(t, k8sBad)
	if res.code != 1 {
		t.Fatalf("bad manifests: exit %d, want 1; stderr %s", res.code, res.stderr)
	}
	want := []string{
		"c5_17.k8s_secret_env CronJob/payments/nightly-settlement",
		"c5_17.k8s_secret_env Deployment/payments/api",
		"c5_17.k8s_secret_env Deployment/payments/webhook-relay",
		"c5_15.k8s_rbac_wildcards ClusterRole/payments-ops",
		"c8_2.k8s_cluster_admin ClusterRoleBinding/oncall-admin",
		"c8_2.k8s_cluster_admin RoleBinding/payments/deployer-ops",
		"c8_22.k8s_default_deny Namespace/payments",
		"c8_22.k8s_default_deny Namespace/payments-ops",
		"c8_24.k8s_ingress_tls Ingress/payments/api",
		"c8_2.k8s_capabilities CronJob/payments/nightly-settlement",
		"c8_2.k8s_capabilities DaemonSet/payments-ops/log-shipper",
		"c8_2.k8s_host_access CronJob/payments/nightly-settlement",
		"c8_2.k8s_host_access DaemonSet/payments-ops/log-shipper",
		"c8_2.k8s_host_access StatefulSet/payments/ledger-db",
		"c8_2.k8s_privileged Deployment/payments/api",
		"c8_2.k8s_privileged Deployment/payments/webhook-relay",
		"c8_2.k8s_privileged StatefulSet/payments/ledger-db",
		"c8_2.k8s_run_as_root Deployment/payments/api",
		"c8_2.k8s_run_as_root Deployment/payments/webhook-relay",
		"c8_2.k8s_run_as_root StatefulSet/payments/ledger-db",
		"c8_9.k8s_image_pinning CronJob/payments/nightly-settlement",
		"c8_9.k8s_image_pinning DaemonSet/payments-ops/log-shipper",
		"c8_9.k8s_image_pinning Deployment/payments/api",
		"c8_9.k8s_image_pinning Deployment/payments/webhook-relay",
		"c8_9.k8s_image_pinning StatefulSet/payments/ledger-db",
		"c8_9.k8s_resource_limits Deployment/payments/api",
		"c8_9.k8s_resource_limits Deployment/payments/webhook-relay",
		"c8_9.k8s_resource_limits StatefulSet/payments/ledger-db",
	}
	slices.Sort(want)
	if got := findingPairs(bad); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	for _, f := range bad.Findings {
		if strings.HasPrefix(f.Resource, "Namespace/payments") {
			continue // namespaces without a Namespace object in the set
		}
		if f.Source == nil || !strings.HasPrefix(f.Source.File, k8sBad) || f.Source.Line == 0 {
			t.Errorf("finding %s %s lacks its manifest file and line: %+v", f.Policy, f.Resource, f.Source)
		}
	}
	for _, id := range []string{"5.17", "8.2", "8.4", "8.6", "8.9", "8.18", "8.22", "8.24"} {
		if statuses(bad)[id] != engine.StatusFail {
			t.Errorf("bad manifests: control %s = %s, want fail", id, statuses(bad)[id])
		}
	}
}

func TestConfigFiles(t *testing.T) {
	t.Parallel()
	good, res := checkJSON(t, "--config", configGood)
	if res.code != 0 || len(good.Findings) != 0 {
		t.Fatalf("good config: exit %d, findings %v; stderr %s", res.code, findingPairs(good), res.stderr)
	}
	for _, id := range []string{"8.2", "8.4", "8.5", "8.24", "8.25", "8.32"} {
		if statuses(good)[id] != engine.StatusPass {
			t.Errorf("good config: control %s = %s, want pass", id, statuses(good)[id])
		}
	}
	bad, res := checkJSON(t, configBad+"/sshd_config", "--config", "github="+configBad+"/github-payments-api.json", "--config", configBad+"/github-ledger-service.json")
	if res.code != 1 {
		t.Fatalf("bad config: exit %d; stderr %s", res.code, res.stderr)
	}
	want := []string{
		"c8_24.sshd_crypto sshd_config:" + configBad + "/sshd_config",
		"c8_2.sshd_root_login sshd_config:" + configBad + "/sshd_config",
		"c8_32.github_branch_protection github_repository:acme-payments/ledger-service",
		"c8_32.github_branch_protection github_repository:acme-payments/payments-api",
		"c8_4.github_repository_access github_repository:acme-payments/payments-api",
		"c8_5.sshd_authentication sshd_config:" + configBad + "/sshd_config",
	}
	slices.Sort(want)
	if got := findingPairs(bad); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	var msgs []string
	for _, f := range bad.Findings {
		msgs = append(msgs, f.Message)
	}
	for _, w := range []string{
		configBad + "/sshd_config lets root log in (PermitRootLogin yes, line 4)",
		configBad + "/sshd_config allows weak Ciphers: 3des-cbc, aes128-cbc (line 12)",
		"branch main of GitHub repository acme-payments/ledger-service is not protected: anyone with write access can push to it directly",
		"outside collaborator brightpixel-agency administers GitHub repository acme-payments/payments-api",
	} {
		if !slices.Contains(msgs, w) {
			t.Errorf("no finding says %q; got:\n%s", w, strings.Join(msgs, "\n"))
		}
	}
}

func TestExternalProvider(t *testing.T) {
	needPython(t)
	res := annexaEnv(t, []string{pathWithProviders(t)}, "check", "--format", "json", effective, "--provider", "inventory="+inventoryCSV)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", res.code, res.stderr)
	}
	r := reportOf(t, res)
	want := []string{"c8_24.aws_ebs aws_ebs_volume.legacy_reports", "c8_24.aws_kms_rotation aws_kms_key.legacy_backups"}
	if got := findingPairs(r); !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	for _, f := range r.Findings {
		if f.Source == nil || f.Source.Provider != "external:inventory" || f.Source.File != inventoryCSV || f.Source.Line < 2 {
			t.Errorf("finding source = %+v", f.Source)
		}
	}

	facts := annexaEnv(t, []string{pathWithProviders(t)}, "facts", "--provider", "inventory="+inventoryCSV, "--type", "aws_kms_key")
	var docs []map[string]any
	if err := json.Unmarshal([]byte(facts.stdout), &docs); err != nil || len(docs) != 2 {
		t.Fatalf("facts: %v %s %s", err, facts.stdout, facts.stderr)
	}

	missing := annexa(t, "check", "--provider", "inventory-not-installed")
	if missing.code != 2 || !strings.Contains(missing.stderr, "annexa-provider-inventory-not-installed is not on PATH") {
		t.Errorf("missing provider: exit %d stderr %q", missing.code, missing.stderr)
	}
}

func TestMixedSources(t *testing.T) {
	needPython(t)
	// A project file mixing every source type, plus flags adding more.
	var outs []string
	for range 2 {
		res := annexa(t, "check", "--format", "json", mixedProject, "--config", configGood+"/my.cnf", "--allow-commands")
		if res.code != 1 {
			t.Fatalf("exit %d, want 1; stderr %s", res.code, res.stderr)
		}
		outs = append(outs, res.stdout)
	}
	if outs[0] != outs[1] {
		t.Error("two runs of the same project differ")
	}
	r := reportOf(t, result{stdout: outs[0]})
	if !r.EffectiveTime.Equal(mustTime(t, "2026-11-20T00:00:00Z")) {
		t.Errorf("effective time = %s, want the project's", r.EffectiveTime)
	}
	providers := map[string]bool{}
	for _, f := range r.Findings {
		if f.Source != nil {
			providers[f.Source.Provider] = true
		}
	}
	for _, p := range []string{"kubernetes", "config", "external:inventory"} {
		if !providers[p] {
			t.Errorf("no finding from provider %s (got %v)", p, providers)
		}
	}
	if r.Summary.Facts != 22 {
		t.Errorf("%d facts, want 22 (14 Kubernetes objects, 4 config files, 4 inventory rows)", r.Summary.Facts)
	}

	// The same sources as flags and PATH arguments in one command.
	res := annexaEnv(t, []string{pathWithProviders(t)}, "check", "--format", "json", effective,
		k8sBad, "--config", configBad, "--provider", "inventory="+inventoryCSV, "--k8s", k8sGood+"/ingress.yaml")
	// Two manifest sources may both define Ingress/payments/api (two
	// clusters): their facts are scoped by source, not merged or refused.
	if res.code != 1 {
		t.Errorf("two sources defining Ingress/payments/api: exit %d stderr %q", res.code, res.stderr)
	} else {
		ingresses := map[string]bool{}
		for _, f := range reportOf(t, res).Findings {
			if strings.HasSuffix(f.Resource, "//Ingress/payments/api") {
				ingresses[f.Resource] = true
			}
		}
		if !ingresses[k8sBad+"//Ingress/payments/api"] {
			t.Errorf("no scoped finding on %s//Ingress/payments/api: %v", k8sBad, ingresses)
		}
	}
	res = annexaEnv(t, []string{pathWithProviders(t)}, "check", "--format", "json", effective,
		k8sBad, "--config", configBad, "--provider", "inventory="+inventoryCSV, "--evidence", "../../testdata/demo/evidence", configGood+"/app.toml")
	if res.code != 1 {
		t.Fatalf("mixed flags: exit %d; stderr %s", res.code, res.stderr)
	}
	kinds := map[string]bool{}
	for _, f := range reportOf(t, res).Findings {
		if f.Source != nil {
			kinds[f.Source.Provider] = true
		}
	}
	if !kinds["kubernetes"] || !kinds["config"] || !kinds["external:inventory"] {
		t.Errorf("mixed flags: findings from %v", kinds)
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func TestSourceSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	for path, secrets := range sourceSecrets {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			var all []byte
			err := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					b, rerr := os.ReadFile(p)
					all = append(all, b...)
					return rerr
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range secrets {
				if !bytes.Contains(all, []byte(s)) {
					t.Fatalf("fixtures under %s no longer hold %q; the test would prove nothing", path, s)
				}
			}
			out := filepath.Join(t.TempDir(), "report.json")
			for _, args := range [][]string{
				{"check", path},
				{"check", path, "--format", "json=" + out, "--format", "table"},
				{"facts", path},
				{"check", mixedProject, "--format", "json", "--allow-commands"},
			} {
				res := annexa(t, args...)
				if res.code == 2 {
					t.Fatalf("annexa %v exited 2, so the test would prove nothing: %s", args, res.stderr)
				}
				written, _ := os.ReadFile(out)
				for _, s := range secrets {
					if strings.Contains(res.stdout+res.stderr+string(written), s) {
						t.Errorf("annexa %v printed secret %q", args, s)
					}
				}
			}
		})
	}
}

func TestHostileProvidersEndToEnd(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("the test providers are Unix scripts")
	}
	hostileDir, err := filepath.Abs(filepath.Join(providersDir, "hostile"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want []string
	}{
		{"hang", []string{"external provider hang: did not finish within 1s", "waiting for something that never comes"}},
		{"badjson", []string{"external provider badjson: stdout line 3: invalid JSON"}},
		{"badfact", []string{`external provider badfact: stdout line 2: invalid fact "ok:2": field /type`}},
		{"crash", []string{"external provider crash: failed with exit status 3", "fatal: cannot reach the inventory service"}},
		{"flood-bytes", []string{"external provider flood-bytes: stdout line 1: wrote more than 67108864 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// Only the hanging provider should meet its time limit.
			timeout := "60s"
			if tt.name == "hang" {
				timeout = "1s"
			}
			dir := t.TempDir()
			project := "version: 1\nsources:\n  - kubernetes: " + mustAbs(t, k8sGood) + "\n  - provider: " + tt.name +
				"\n    command: [" + filepath.Join(hostileDir, "annexa-provider-"+tt.name) + "]\n    timeout: " + timeout + "\n"
			if err := os.WriteFile(filepath.Join(dir, "annexa.yaml"), []byte(project), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "report.json")
			res := annexa(t, "check", dir, "--format", "json="+out, "--allow-commands")
			if res.code != 2 {
				t.Errorf("exit %d, want 2", res.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.stderr)
				}
			}
			if res.stdout != "" {
				t.Errorf("printed a report although a source failed: %q", res.stdout)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("wrote %s although a source failed", out)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMalformedSources(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"deploy.yaml":   "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: [\n",
		"noname.yaml":   "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n",
		"sshd_config":   "Port 22\nPermitRootLogin\n",
		"app.toml":      "[server]\nport = = 8080\n",
		"repo.json":     "{\"repository\": {\"full_name\": \"acme/api\", \"default_branch\": \"main\",\n \"visibility\": \"secret\"}}\n",
		"vault.hcl":     "listener \"tcp\" {\n  address = \n}\n",
		"settings.ini":  "[auth\nkey = value\n",
		"settings.conf": "key = value\n",
		"list.json":     `{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Pod"}]}`,
		"crlf-bom.yaml": "\ufeffapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n  name: q\r\n",
		"binary.yaml":   "\x00\x01\x02\xff",
		"empty.toml":    "",
		"template.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{ toYaml .Values.labels }}\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--k8s", p("deploy.yaml")}, "deploy.yaml:5: invalid YAML"},
		{[]string{"--k8s", p("noname.yaml")}, "noname.yaml:3:1: ConfigMap has no metadata.name"},
		{[]string{"--k8s", p("list.json")}, "list.json:1:48: Pod has no metadata"},
		{[]string{"--k8s", p("crlf-bom.yaml")}, `crlf-bom.yaml: line 5: key "name" appears twice`},
		{[]string{"--k8s", p("binary.yaml")}, "binary.yaml:1:4: file is not UTF-8"},
		{[]string{"--k8s", p("template.yaml")}, "render it first"},
		{[]string{p("sshd_config")}, "sshd_config:2: PermitRootLogin has no value"},
		{[]string{"--config", p("app.toml")}, "app.toml:2:8: invalid TOML"},
		{[]string{"--config", p("repo.json")}, "repo.json:2:2: GitHub export: field /repository/visibility"},
		{[]string{"--config", p("vault.hcl")}, "vault.hcl:2:"},
		{[]string{"--config", p("settings.ini")}, "settings.ini:1: invalid INI: unclosed section"},
		{[]string{"--config", p("settings.conf")}, "cannot tell the format from the file name"},
		{[]string{"--config", "ini=" + p("empty.toml")}, "empty.toml: file is empty"},
		{[]string{"--config", "xml=" + p("app.toml")}, `unknown format "xml"`},
		{[]string{"--provider", "../evil"}, `"../evil" is not a provider name`},
		{[]string{"--k8s", p("missing")}, "missing: no such file"},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"check", "facts"} {
			res := annexa(t, append([]string{cmd}, tt.args...)...)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("annexa %s %v: exit %d stderr %q, want 2 and %q", cmd, tt.args, res.code, res.stderr, tt.want)
			}
			if res.stdout != "" || strings.Contains(res.stderr, "panic") {
				t.Errorf("annexa %s %v: stdout %q stderr %q", cmd, tt.args, res.stdout, res.stderr)
			}
		}
	}
}
