package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/engine"
)

const (
	testKeyPassword = "annexa-test"
	bundlePlan      = "../../testdata/bundles/plan.json"
)

// bundleSecrets are the sensitive values in testdata/bundles/plan.json.
var bundleSecrets = []string{"Zx9-Kp2!vRq7-Lm4#Tw8", "tok_live_51HxQ2eZvKYlo2CwA7aP"}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

var withPassword = []string{"COSIGN_PASSWORD=" + testKeyPassword}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// writeTestBundle runs check --bundle on plan, as of two hours ago, and
// returns the bundle's path.
func writeTestBundle(t *testing.T, plan string) string {
	t.Helper()
	return writeBundleWith(t, annexaIn, plan)
}

// writeBundleWith is writeTestBundle with the CLI run by runAnnexa: in this
// process (annexaIn) or as the built binary (annexaBinary).
func writeBundleWith(t *testing.T, runAnnexa func(t *testing.T, dir string, env []string, args ...string) result, plan string) string {
	t.Helper()
	dir := t.TempDir()
	eff := time.Now().UTC().Add(-2 * time.Hour).Truncate(time.Second).Format(time.RFC3339)
	res := runAnnexa(t, dir, withPassword, "check", "--plan", abs(t, plan), "--effective-time", eff,
		"--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"), "--format", "json=report.json")
	if res.code != 1 {
		t.Fatalf("check --bundle: exit %d, want 1 (the plan has findings)\n%s%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, "wrote signed evidence bundle evidence.tar.gz") {
		t.Errorf("check --bundle does not say it wrote the bundle: %s", res.stderr)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"evidence.tar.gz", "report.json"}) {
		t.Errorf("check --bundle left %v, want the bundle and the report only", got)
	}
	return filepath.Join(dir, "evidence.tar.gz")
}

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	res := annexaIn(t, dir, withPassword, "keygen", "--output-prefix", "ci")
	if res.code != 0 || !strings.Contains(res.stdout, "Private key written to ci.key") {
		t.Fatalf("keygen: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	priv, err := os.Stat(filepath.Join(dir, "ci.key"))
	if err != nil {
		t.Fatal(err)
	}
	if priv.Mode().Perm() != 0o600 {
		t.Errorf("ci.key has mode %v, want 0600", priv.Mode().Perm())
	}
	keyBytes, _ := os.ReadFile(filepath.Join(dir, "ci.key"))
	if _, err := bundles.LoadPrivateKey("ci.key", keyBytes, []byte(testKeyPassword)); err != nil {
		t.Errorf("the generated key does not load with its password: %v", err)
	}

	res = annexaIn(t, dir, withPassword, "keygen", "--output-prefix", "ci")
	if res.code != 2 || !strings.Contains(res.stderr, "ci.key already exists") {
		t.Errorf("keygen over existing keys: exit %d, want 2 naming ci.key\n%s", res.code, res.stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "ci.key")); !bytes.Equal(again, keyBytes) {
		t.Error("keygen without --force changed an existing key")
	}
	res = annexaIn(t, dir, withPassword, "keygen", "--output-prefix", "ci", "--force")
	if again, _ := os.ReadFile(filepath.Join(dir, "ci.key")); res.code != 0 || bytes.Equal(again, keyBytes) {
		t.Errorf("keygen --force: exit %d, key replaced %v", res.code, !bytes.Equal(again, keyBytes))
	}

	empty := t.TempDir()
	res = annexaIn(t, empty, nil, "keygen")
	if res.code != 2 || !strings.Contains(res.stderr, "set COSIGN_PASSWORD (annexa prompts only on a terminal)") {
		t.Errorf("keygen without password or terminal: exit %d, want 2 naming COSIGN_PASSWORD\n%s", res.code, res.stderr)
	}
	if got := listDir(t, empty); len(got) != 0 {
		t.Errorf("failed keygen left %v", got)
	}
	res = annexaIn(t, empty, []string{"COSIGN_PASSWORD="}, "keygen")
	if res.code != 0 {
		t.Errorf("keygen with an empty COSIGN_PASSWORD (as cosign allows): exit %d\n%s", res.code, res.stderr)
	}
}

func TestCheckBundleErrors(t *testing.T) {
	key := abs(t, "../../testdata/keys/annexa-test.key")
	plan := abs(t, bundlePlan)
	tests := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"wrong password", []string{"COSIGN_PASSWORD=nope"}, []string{"--bundle", "out.tar.gz", "--key", key}, "cannot decrypt it: wrong password"},
		{"no password, no terminal", nil, []string{"--bundle", "out.tar.gz", "--key", key}, "set COSIGN_PASSWORD"},
		{"bundle without key", withPassword, []string{"--bundle", "out.tar.gz"}, "must all be set; missing [key]"},
		{"key without bundle", withPassword, []string{"--key", key}, "must all be set; missing [bundle]"},
		{"public key to sign", withPassword, []string{"--bundle", "out.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.pub")}, `is a "PUBLIC KEY" PEM block`},
		{"missing key", withPassword, []string{"--bundle", "out.tar.gz", "--key", "nope.key"}, "read key nope.key"},
		{"bundle in a missing directory", withPassword, []string{"--bundle", "no/such/dir/out.tar.gz", "--key", key}, "write no/such/dir/out.tar.gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			res := annexaIn(t, dir, tt.env, append([]string{"check", "--plan", plan}, tt.args...)...)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("exit %d, want 2 with %q\n%s", res.code, tt.want, res.stderr)
			}
			if got := listDir(t, dir); len(got) != 0 {
				t.Errorf("a failed run left %v", got)
			}
		})
	}
}

// tamperedCopy writes a copy of the bundle at src with its entries changed
// by edit.
func tamperedCopy(t *testing.T, src string, edit func(names []string, files map[string][]byte) []string) string {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := bundles.ReadArchive(f, bundles.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	order := edit(slices.Clone(a.Order), a.Files)
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, name := range order {
		hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(a.Files[name])), Typeflag: tar.TypeReg}
		if strings.HasPrefix(name, "link:") {
			hdr = &tar.Header{Name: strings.TrimPrefix(name, "link:"), Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"}
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if hdr.Typeflag == tar.TypeReg {
			if _, err := tw.Write(a.Files[name]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := errors.Join(tw.Close(), gz.Close()); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "tampered.tar.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestVerifyCommand(t *testing.T) {
	good := writeTestBundle(t, bundlePlan)
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	pub := abs(t, "../../testdata/keys/annexa-test.pub")
	write := func(name string, b []byte) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name   string
		bundle string
		args   []string
		code   int
		want   []string
	}{
		{"verified", good, nil, 0, []string{"signature    verified with", "5 signed, every sha256 matches", "VERIFIED " + good + ": signed by " + pub + ", 5 files intact"}},
		{"verified and replayed", good, []string{"--replay", "--max-age", "24h"}, 0, []string{"replay       identical: clauses, controls, effective_time, findings, format_version, policies, soa, summary", ", replay identical"}},
		{"flipped byte", tamperedCopy(t, good, func(names []string, files map[string][]byte) []string {
			files[bundles.FileReport][100] ^= 1
			return names
		}), nil, 1, []string{"FAILED: report.json: sha256"}},
		{"added file", tamperedCopy(t, good, func(names []string, files map[string][]byte) []string {
			files["extra.json"] = []byte("{}")
			return append(names, "extra.json")
		}), nil, 1, []string{"FAILED: extra.json is not covered by the signature"}},
		{"removed file", tamperedCopy(t, good, func(names []string, _ map[string][]byte) []string {
			return slices.DeleteFunc(names, func(n string) bool { return n == bundles.FileFacts })
		}), nil, 1, []string{"FAILED: facts.json is signed but missing"}},
		{"symlink entry", tamperedCopy(t, good, func(names []string, _ map[string][]byte) []string {
			return append(names, "link:passwd")
		}), nil, 1, []string{`FAILED: entry "passwd" is a symbolic link`}},
		{"foreign key", good, []string{"--key", abs(t, "../../testdata/keys/cosign-test.pub")}, 1, []string{"FAILED: annexa.dsse.json: signature does not verify with"}},
		{"stale", good, []string{"--max-age", "1h"}, 1, []string{"FAILED: stale: effective time"}},
		{"truncated", write("cut.tar.gz", raw[:len(raw)/2]), nil, 2, []string{"archive is truncated"}},
		{"not a bundle", abs(t, "../../testdata/bad/random.bin"), nil, 2, []string{"not a gzip-compressed archive"}},
		{"no such file", "nope.tar.gz", nil, 2, []string{"read bundle nope.tar.gz"}},
		{"unreadable key", good, []string{"--key", abs(t, "../../testdata/bad/random.bin")}, 2, []string{"not a PEM public key"}},
		{"negative max-age", good, []string{"--max-age", "-1h"}, 2, []string{"--max-age -1h0m0s is negative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"verify", tt.bundle}, tt.args...)
			if !slices.Contains(tt.args, "--key") {
				args = append(args, "--key", pub)
			}
			res := annexaIn(t, dir, nil, args...)
			if res.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", res.code, tt.code, res.stdout, res.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.stdout+res.stderr, w) {
					t.Errorf("output lacks %q\n%s%s", w, res.stdout, res.stderr)
				}
			}
			if tt.code < 2 {
				lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
				last := lines[len(lines)-1]
				if !strings.HasPrefix(last, "VERIFIED ") && !strings.HasPrefix(last, "FAILED: ") {
					t.Errorf("last line %q is not a verdict", last)
				}
			}
			if got := listDir(t, dir); len(got) != 0 {
				t.Errorf("verify wrote %v into its working directory", got)
			}
		})
	}
	if res := annexaIn(t, t.TempDir(), nil, "verify", good); res.code != 2 || !strings.Contains(res.stderr, `"key" not set`) {
		t.Errorf("verify without --key: exit %d, want 2\n%s", res.code, res.stderr)
	}
}

// Bundles written under an earlier report format verify (exit 0); with
// --replay they are verified and then refused, exit 2, with a message that
// says why and what to do, rather than a list of differences.
func TestVerifyOldFormatBundles(t *testing.T) {
	pub := abs(t, "../../testdata/keys/annexa-test.pub")
	for _, tc := range []struct {
		file   string
		format int
	}{{"demo-format1.tar.gz", 1}, {"demo-format2.tar.gz", 2}} {
		t.Run(tc.file, func(t *testing.T) {
			bundle := abs(t, filepath.Join("../../testdata/bundles", tc.file))
			res := annexaIn(t, t.TempDir(), nil, "verify", bundle, "--key", pub)
			if res.code != 0 || !strings.Contains(res.stdout, "VERIFIED "+bundle+": signed by "+pub) {
				t.Errorf("verify: exit %d, want 0\n%s%s", res.code, res.stdout, res.stderr)
			}
			res = annexaIn(t, t.TempDir(), nil, "verify", bundle, "--key", pub, "--replay")
			want := fmt.Sprintf("cannot replay: the bundle's report is format %d and this annexa replays format %d only; "+
				"its signature, files and manifest are verified (run without --replay), or replay it with the annexa that wrote it", tc.format, engine.ReportFormat)
			if res.code != 2 || !strings.Contains(res.stderr, want) ||
				!strings.Contains(res.stdout, "signature    verified with") || !strings.Contains(res.stdout, fmt.Sprintf("report       format %d", tc.format)) {
				t.Errorf("verify --replay: exit %d, want 2 and %q\n%s%s", res.code, want, res.stdout, res.stderr)
			}
			if strings.Contains(res.stdout, "VERIFIED") || strings.Contains(res.stdout, "FAILED") {
				t.Errorf("a refused replay gives a verdict:\n%s", res.stdout)
			}
		})
	}
}

func TestBundleInspect(t *testing.T) {
	good := writeTestBundle(t, bundlePlan)
	res := annexaIn(t, t.TempDir(), nil, "bundle", "inspect", good)
	if res.code != 0 {
		t.Fatalf("bundle inspect: exit %d\n%s", res.code, res.stderr)
	}
	pubPEM, _ := os.ReadFile("../../testdata/keys/annexa-test.pub")
	v, err := bundles.LoadPublicKey("annexa-test.pub", pubPEM)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := v.PublicKey()
	hint, _ := bundles.KeyHint(pub)
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if !strings.HasPrefix(lines[0], "NOT VERIFIED") || !strings.HasPrefix(lines[len(lines)-1], "NOT VERIFIED") {
		t.Errorf("inspect output is not labelled NOT VERIFIED first and last:\n%s", res.stdout)
	}
	for _, want := range []string{"signed by    key hint " + hint, "predicate    " + bundles.PredicateType,
		"tool         annexa", "inputs       " + abs(t, bundlePlan), "policies     built-in", "93 controls:", "findings:", "report.json"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("inspect output lacks %q:\n%s", want, res.stdout)
		}
	}
	if res := annexaIn(t, t.TempDir(), nil, "bundle", "inspect", abs(t, "../../testdata/bad/empty.json")); res.code != 2 {
		t.Errorf("inspect of a non-bundle: exit %d, want 2", res.code)
	}
}

// TestNoSecretInBundleE2E writes a bundle through the CLI from every
// plan with sensitive values, verifies and replays it, and searches every
// file, the nested OPA bundle's files and the signed statement for them.
func TestNoSecretInBundleE2E(t *testing.T) {
	plans := []string{bundlePlan}
	for _, p := range []string{compliantPlan, noncompliantPlan} {
		if _, err := os.Stat(p); err == nil {
			plans = append(plans, p)
		}
	}
	for _, plan := range plans {
		raw, err := os.ReadFile(plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range bundleSecrets {
			if !bytes.Contains(raw, []byte(s)) {
				t.Fatalf("%s no longer holds %q; the test would prove nothing", plan, s)
			}
		}
		dir := t.TempDir()
		res := annexaIn(t, dir, withPassword, "check", "--plan", abs(t, plan), "--bundle", "b.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"))
		if res.code > 1 {
			t.Fatalf("check --bundle %s: exit %d\n%s", plan, res.code, res.stderr)
		}
		res = annexaIn(t, dir, nil, "verify", "b.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.pub"), "--replay")
		if res.code != 0 || !strings.Contains(res.stdout, "replay identical") {
			t.Errorf("verify --replay of the bundle of %s: exit %d\n%s%s", plan, res.code, res.stdout, res.stderr)
		}
		files := unpack(t, filepath.Join(dir, "b.tar.gz"))
		for name, data := range files {
			if strings.HasSuffix(name, ".tar.gz") {
				for inner, d := range unpack(t, write(t, data)) {
					files[name+"!"+inner] = d
				}
			}
		}
		var env struct{ Payload string }
		if err := json.Unmarshal(files[bundles.FileDSSE], &env); err != nil {
			t.Fatal(err)
		}
		statement, err := base64.StdEncoding.DecodeString(env.Payload)
		if err != nil || !bytes.Contains(statement, []byte(bundles.PredicateType)) {
			t.Fatalf("signed statement not decoded: %v", err)
		}
		files["signed statement"] = statement
		if len(files) < 20 {
			t.Fatalf("only %d files searched", len(files))
		}
		for name, data := range files {
			for _, s := range bundleSecrets {
				if bytes.Contains(data, []byte(s)) {
					t.Errorf("%s: %s holds the secret %q", plan, name, s)
				}
			}
		}
	}
}

func write(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// unpack reads every regular file of a tar.gz, whatever its entry names.
func unpack(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	out := map[string][]byte{}
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[hdr.Name] = b
	}
}
