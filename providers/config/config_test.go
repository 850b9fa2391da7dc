package config

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

func collect(t *testing.T, p Provider, path string) map[string]facts.Fact {
	t.Helper()
	fs, err := diag.AsError(p.Collect(context.Background(), path))
	if err != nil {
		t.Fatal(err)
	}
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]facts.Fact{}
	for _, f := range fs {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("invalid fact: %v", err)
		}
		out[f.ID] = f
	}
	return out
}

func keys(m map[string]facts.Fact) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestCollectGeneric(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"app.toml": "title = \"payments\"\n[database]\nurl = \"postgres://app:toml-url-pw@db/ledger\"\npassword = \"toml-secret\"\nport = 5432\nstarted = 2026-01-02T03:04:05Z\nday = 2026-01-02\nratio = nan\n[[servers]]\nname = \"a\"\n",
		"my.cnf":   "[mysqld]\nskip-name-resolve\nbind-address = 127.0.0.1 ; local only\npassword = ini-secret\n",
		"top.ini":  "debug = true\n[auth]\nclientSecret = ini-client-secret\n",
		"vault.hcl": `storage "raft" {
  path = "/vault/data"
}
listener "tcp" {
  address     = "0.0.0.0:8200"
  tls_disable = true
}
listener "tcp" {
  address = "127.0.0.1:8201"
}
ui = true
api_addr = "https://${var.host}:8200"
seal "awskms" {
  kms_key_id = "alias/vault"
  secret_key = "hcl-secret"
}
`,
		"docs.yaml":   "a: 1\n---\nb: {apiKey: yaml-secret}\n",
		"single.json": `{"log": {"level": "info"}, "token": "json-secret"}`,
		"notes.txt":   "skipped",
	})
	got := collect(t, Provider{}, dir)
	want := []string{
		"hcl:" + filepath.ToSlash(filepath.Join(dir, "vault.hcl")),
		"ini:" + filepath.ToSlash(filepath.Join(dir, "my.cnf")),
		"ini:" + filepath.ToSlash(filepath.Join(dir, "top.ini")),
		"json:" + filepath.ToSlash(filepath.Join(dir, "single.json")),
		"toml:" + filepath.ToSlash(filepath.Join(dir, "app.toml")),
		"yaml:" + filepath.ToSlash(filepath.Join(dir, "docs.yaml")) + "#1",
		"yaml:" + filepath.ToSlash(filepath.Join(dir, "docs.yaml")) + "#2",
	}
	if !slices.Equal(keys(got), want) {
		t.Fatalf("ids = %v\nwant %v", keys(got), want)
	}
	id := func(typ, file string) facts.Fact { return got[typ+":"+filepath.ToSlash(filepath.Join(dir, file))] }

	toml := id("toml", "app.toml").Attributes["content"].(map[string]any)
	db := toml["database"].(map[string]any)
	if db["port"] != int64(5432) || db["started"] != "2026-01-02T03:04:05Z" || db["day"] != "2026-01-02" || db["ratio"] != "NaN" ||
		db["password"] != facts.Redacted || db["url"] != facts.Redacted {
		t.Errorf("toml database = %v", db)
	}
	if !slices.Equal(id("toml", "app.toml").Sensitive, []string{"content.database.password", "content.database.url"}) {
		t.Errorf("toml sensitive = %v", id("toml", "app.toml").Sensitive)
	}
	if s := toml["servers"].([]any)[0].(map[string]any)["name"]; s != "a" {
		t.Errorf("toml array of tables = %v", toml["servers"])
	}

	my := id("ini", "my.cnf").Attributes["content"].(map[string]any)
	if _, hasDefault := my["DEFAULT"]; hasDefault {
		t.Error("empty DEFAULT section kept")
	}
	mysqld := my["mysqld"].(map[string]any)
	if mysqld["skip-name-resolve"] != "true" || mysqld["bind-address"] != "127.0.0.1" || mysqld["password"] != facts.Redacted {
		t.Errorf("ini mysqld = %v", mysqld)
	}
	top := id("ini", "top.ini").Attributes["content"].(map[string]any)
	if top["DEFAULT"].(map[string]any)["debug"] != "true" || top["auth"].(map[string]any)["clientSecret"] != facts.Redacted {
		t.Errorf("ini top = %v", top)
	}

	hcl := id("hcl", "vault.hcl")
	content := hcl.Attributes["content"].(map[string]any)
	tcp := content["listener"].(map[string]any)["tcp"].([]any)
	if len(tcp) != 2 || tcp[0].(map[string]any)["tls_disable"] != true || tcp[1].(map[string]any)["address"] != "127.0.0.1:8201" {
		t.Errorf("hcl listeners = %v", tcp)
	}
	if content["storage"].(map[string]any)["raft"].([]any)[0].(map[string]any)["path"] != "/vault/data" || content["ui"] != true {
		t.Errorf("hcl content = %v", content)
	}
	if !slices.Equal(hcl.Unknown, []string{"content.api_addr"}) {
		t.Errorf("hcl unknown = %v", hcl.Unknown)
	}
	if !slices.Equal(hcl.Sensitive, []string{"content.seal.awskms.0.secret_key"}) {
		t.Errorf("hcl sensitive = %v", hcl.Sensitive)
	}

	y2 := got["yaml:"+filepath.ToSlash(filepath.Join(dir, "docs.yaml"))+"#2"]
	if y2.Source.Line != 3 || !slices.Equal(y2.Sensitive, []string{"content.b.apiKey"}) {
		t.Errorf("second yaml document = %+v", y2)
	}

	out, _ := json.Marshal(got)
	for _, s := range []string{"toml-url-pw", "toml-secret", "ini-secret", "ini-client-secret", "hcl-secret", "yaml-secret", "json-secret"} {
		if strings.Contains(string(out), s) {
			t.Errorf("secret %q is in the facts", s)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	tests := map[string]string{
		"/etc/ssh/sshd_config":             FormatSSHD,
		"/etc/ssh/sshd_config.d/50-x.conf": FormatSSHD,
		"/etc/nginx/nginx.conf":            "",
		"a/b.JSON":                         FormatJSON,
		"c.yml":                            FormatYAML,
		"pyproject.toml":                   FormatTOML,
		"setup.cfg":                        FormatINI,
		"my.cnf":                           FormatINI,
		"nomad.hcl":                        FormatHCL,
		"main.tf":                          "",
		"README":                           "",
	}
	for path, want := range tests {
		if got := DetectFormat(path); got != want {
			t.Errorf("DetectFormat(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestForcedFormat(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"custom/server.conf": "PermitRootLogin yes\n",
		"repo.json":          `{"full_name": "acme/api", "default_branch": "main", "private": true}`,
	})
	p, err := New(FormatSSHD)
	if err != nil {
		t.Fatal(err)
	}
	got := collect(t, p, filepath.Join(dir, "custom"))
	f := got["sshd_config:"+filepath.ToSlash(filepath.Join(dir, "custom/server.conf"))]
	if f.Attributes["settings"].(map[string]any)["permitrootlogin"] != "yes" {
		t.Errorf("forced sshd_config = %v", keys(got))
	}
	// A JSON file shaped like a GitHub export is one, unless named json.
	if _, ok := collect(t, Provider{}, filepath.Join(dir, "repo.json"))["github_repository:acme/api"]; !ok {
		t.Error("repository response not read as a GitHub export")
	}
	if _, ok := collect(t, Provider{Format: FormatJSON}, filepath.Join(dir, "repo.json"))["json:"+filepath.ToSlash(filepath.Join(dir, "repo.json"))]; !ok {
		t.Error("--config json= did not force generic JSON")
	}
	if _, err := New("xml"); err == nil || !strings.Contains(err.Error(), "unknown config format \"xml\"") {
		t.Errorf("New(xml) err = %v", err)
	}
}

func TestCollectErrors(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"toml syntax", "a.toml", "a = 1\nb = = 2\n", "a.toml:2:5: invalid TOML"},
		{"toml duplicate", "a.toml", "a = 1\n[t]\nx = 1\n[u]\nx = 1\n[t]\ny = 2\n", "a.toml:6: invalid TOML: toml: table t already exists"},
		{"toml duplicate key", "a.toml", "a = 1\nb = 2\na = 3\nc = [\n1]\n", "a.toml:3: invalid TOML: toml: key a is already defined"},
		{"toml too deep", "a.toml", "a = " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n", "nested more than"},
		{"ini unclosed section", "a.ini", "a = 1\n[broken\nb = 2\n", "a.ini:2: invalid INI: unclosed section"},
		{"hcl syntax", "a.hcl", "a = {\n  b = \n}\n", "a.hcl:2:"},
		{"hcl block named like attribute", "a.hcl", "x = 1\nx {\n}\n", "a.hcl:2:1: block \"x\""},
		{"yaml syntax", "a.yaml", "a: [1, 2\n", "a.yaml:"},
		{"json truncated", "a.json", `{"a": `, "a.json:"},
		{"sshd no value", "sshd_config", "Port 22\nPermitRootLogin\n", "sshd_config:2: PermitRootLogin has no value"},
		{"sshd unterminated quote", "sshd_config", "Banner \"/etc/issue\n", "sshd_config:1: Banner: unterminated quoted argument"},
		{"unknown extension", "a.conf", "x", "cannot tell the format"},
		{"empty", "a.toml", "  \n", "a.toml: file is empty"},
		{"binary", "a.ini", "a = \xff\xfe\x00", "not UTF-8"},
		{"github bad visibility", "gh.json", `{"repository": {"full_name": "acme/api", "default_branch": "main", "visibility": "secret"}}`, "gh.json:1:68: GitHub export: field /repository/visibility"},
		{"github bad review count", "gh.json", "{\"repository\": {\"full_name\": \"acme/api\", \"default_branch\": \"main\", \"private\": true},\n \"branch_protection\": {\"required_pull_request_reviews\": {\"required_approving_review_count\": \"one\"}}}", "gh.json:2:"},
		{"github pair without protection object", "gh.json", `[{"full_name": "acme/api", "default_branch": "main", "private": true}, 7]`, "the second element must be the branch protection response"},
		{"github unknown field", "gh.json", "{\"repository\": {\"full_name\": \"acme/api\", \"default_branch\": \"main\", \"private\": true},\n \"collaborators\": []}", "gh.json:2:2: GitHub export: field /collaborators: unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{tt.file: tt.content})
			_, err := diag.AsError(Provider{}.Collect(context.Background(), filepath.Join(dir, tt.file)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.file) {
				t.Errorf("err = %v does not name the file", err)
			}
		})
	}
}

func TestCollectDirectoryErrors(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"notes.txt": "x", ".hidden/a.json": "{}"})
	if _, err := diag.AsError((Provider{}).Collect(context.Background(), dir)); err == nil || !strings.Contains(err.Error(), "no configuration files") {
		t.Errorf("err = %v", err)
	}
	if _, err := diag.AsError((Provider{}).Collect(context.Background(), filepath.Join(dir, "nope"))); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("err = %v", err)
	}
}
