//go:build unix

package external

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

const testdata = "../../testdata/providers"

func hostile(t *testing.T, name string) []string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(testdata, "hostile", CommandPrefix+name))
	if err != nil {
		t.Fatal(err)
	}
	return []string{p}
}

func TestInventoryProvider(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed; the example provider is a Python script")
	}
	dir, err := filepath.Abs(testdata)
	if err != nil {
		t.Fatal(err)
	}
	// Found on PATH by its name, as a user would install it.
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	p := Provider{Name: "inventory", Args: map[string]any{"tags": map[string]any{"owner": "ops@acme-payments.example"}}}
	src := filepath.Join(dir, "inventory.csv")
	fs, err := diag.AsError(p.Collect(context.Background(), src))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
		if f.Source.Provider != "external:inventory" || f.Source.File != src || f.Kind != facts.KindResource {
			t.Errorf("fact %s source = %+v kind %s", f.ID, f.Source, f.Kind)
		}
	}
	want := []string{"aws_ebs_volume.ledger_archive", "aws_ebs_volume.legacy_reports", "aws_kms_key.legacy_backups", "aws_kms_key.statements"}
	if !slices.Equal(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
	vol := fs[1]
	if vol.Attributes["encrypted"] != false || fmt.Sprint(vol.Attributes["size"]) != "500" || vol.Source.Line != 2 ||
		vol.Attributes["tags"].(map[string]any)["owner"] != "ops@acme-payments.example" {
		t.Errorf("legacy_reports = %+v", vol)
	}

	t.Run("bad source", func(t *testing.T) {
		_, err := p.collect(context.Background(), filepath.Join(dir, "missing.csv"))
		var pe *Error
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), "failed with exit status 1") || !strings.Contains(err.Error(), "cannot read") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("bad csv line", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.csv")
		if err := os.WriteFile(bad, []byte("type,name,size\naws_ebs_volume,ok,1\naws_ebs_volume,not ok,2\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := p.collect(context.Background(), bad)
		if err == nil || !strings.Contains(err.Error(), "bad.csv:3: type and name must be identifiers") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestProtocolAndEnvironment(t *testing.T) {
	env := map[string]string{
		"PATH":                  os.Getenv("PATH"),
		"HOME":                  "/home/annexa",
		"AWS_SECRET_ACCESS_KEY": "must-not-leak",
		"GITHUB_TOKEN":          "must-not-leak-either",
		"INVENTORY_REGION":      "eu-west-1",
	}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	at := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	p := Provider{Name: "envdump", Command: hostile(t, "envdump"), Env: []string{"INVENTORY_REGION", "UNSET_VAR"},
		Args: map[string]any{"region": "eu"}, LookupEnv: lookup}
	fs, err := diag.AsError(p.AtTime(at).Collect(context.Background(), "assets.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("%d facts", len(fs))
	}
	a := fs[0].Attributes
	var names []string
	for _, n := range a["names"].([]any) {
		names = append(names, n.(string))
	}
	for _, want := range []string{"PATH", "HOME", "INVENTORY_REGION", "ANNEXA_PROVIDER_PROTOCOL", "ANNEXA_PROVIDER_NAME"} {
		if !slices.Contains(names, want) {
			t.Errorf("provider did not get %s; got %v", want, names)
		}
	}
	for _, banned := range []string{"AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "UNSET_VAR"} {
		if slices.Contains(names, banned) {
			t.Errorf("provider got %s", banned)
		}
	}
	req := a["request"].(map[string]any)
	if fmt.Sprint(req["protocol"]) != "1" || req["provider"] != "envdump" || req["source"] != "assets.csv" ||
		req["effective_time"] != "2026-11-20T00:00:00Z" || req["args"].(map[string]any)["region"] != "eu" {
		t.Errorf("request = %v", req)
	}
	if a["api_token"] != facts.Redacted || a["custom"].(map[string]any)["value"] != facts.Redacted {
		t.Errorf("secrets not redacted: %v", a)
	}
	if !slices.Equal(fs[0].Sensitive, []string{"api_token", "custom.value"}) {
		t.Errorf("sensitive = %v", fs[0].Sensitive)
	}
	if fs[0].Source.File != "assets.csv" {
		t.Errorf("default source file = %q", fs[0].Source.File)
	}
}

func TestHostileProviders(t *testing.T) {
	tests := []struct {
		name     string
		p        Provider
		wantLine int
		want     []string
	}{
		{"flood bytes", Provider{MaxBytes: 1 << 20}, 1, []string{"wrote more than 1048576 bytes on stdout"}},
		{"flood facts", Provider{MaxFacts: 50}, 51, []string{"wrote more than 50 facts"}},
		{"badjson", Provider{}, 3, []string{"invalid JSON", "each line must be one fact"}},
		{"badfact", Provider{}, 2, []string{`invalid fact "ok:2": field /type`}},
		{"crash", Provider{}, 0, []string{"failed with exit status 3", "| fatal: cannot reach the inventory service", "| diagnostic line 12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			p.Name = strings.ReplaceAll(tt.name, " ", "-")
			p.Command = hostile(t, p.Name)
			fs, err := p.collect(context.Background(), "")
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v (%d facts), want *Error", err, len(fs))
			}
			if pe.Provider != p.Name || pe.Line != tt.wantLine {
				t.Errorf("error names provider %q line %d, want %q line %d: %v", pe.Provider, pe.Line, p.Name, tt.wantLine, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			if strings.Contains(err.Error(), "diagnostic line 11\n") {
				t.Errorf("error shows more than the last %d stderr lines:\n%v", stderrLines, err)
			}
		})
	}
}

func TestHangingProviderIsStopped(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "helper.pid")
	env := map[string]string{"PATH": os.Getenv("PATH"), "HANG_PIDFILE": pidFile}
	p := Provider{Name: "hang", Command: hostile(t, "hang"), Timeout: 500 * time.Millisecond, Env: []string{"HANG_PIDFILE"},
		LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
	_, err := p.collect(context.Background(), "")
	if err == nil || !strings.Contains(err.Error(), "external provider hang: did not finish within 500ms") ||
		!strings.Contains(err.Error(), "waiting for something that never comes") {
		t.Fatalf("err = %v", err)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the provider did not record its helper: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	// The helper was in the provider's process group and was killed with
	// it. Killing is asynchronous, so give the kernel a moment.
	for range 200 {
		if !alive(pid) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
	t.Errorf("helper process %d outlived the provider", pid)
}

// alive reports whether a process runs. A killed process whose new parent
// has not reaped it yet is a zombie: dead, though signal 0 still finds it.
func alive(pid int) bool {
	if stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		// The state follows the parenthesised command name.
		if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) {
			return stat[i+2] != 'Z'
		}
	}
	return !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}

func TestCancelledRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Provider{Name: "hang", Command: hostile(t, "hang")}.collect(ctx, "")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestConfigurationErrors(t *testing.T) {
	tests := []struct {
		name string
		p    Provider
		want string
	}{
		{"bad name", Provider{Name: "../evil"}, `external provider "../evil": a provider name is lower-case letters`},
		{"not on PATH", Provider{Name: "does-not-exist-anywhere"}, "annexa-provider-does-not-exist-anywhere is not on PATH"},
		{"not executable", Provider{Name: "x", Command: []string{filepath.Join(testdata, "inventory.csv")}}, "external provider x: cannot start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.p.collect(context.Background(), "")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestTail(t *testing.T) {
	tl := &tail{max: 16}
	for _, s := range []string{"first line\n", "second\n", "third line here\n"} {
		if _, err := tl.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if got := tl.lines(10); !slices.Equal(got, []string{"third line here"}) && !slices.Equal(got, []string{"d", "third line here"}) {
		t.Errorf("lines = %q", got)
	}
	if len(tl.buf) > 16 {
		t.Errorf("kept %d bytes", len(tl.buf))
	}
}

func TestRequestIsJSON(t *testing.T) {
	b, err := Provider{Name: "x", EffectiveTime: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))}.request("s")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["effective_time"] != "2026-01-02T02:04:05Z" || m["protocol"] != float64(1) {
		t.Errorf("request = %s", b)
	}
	if _, ok := m["args"].(map[string]any); !ok {
		t.Errorf("args must be an object even when empty: %s", b)
	}
}

// TestLeftBehindHelperEndsOnSuccess: a provider that succeeds but leaves a
// process running does not keep it: annexa ends it once the provider has
// exited, whether it stayed in the provider's process group or left it
// with setsid.
func TestLeftBehindHelperEndsOnSuccess(t *testing.T) {
	for _, name := range []string{"leave", "setsid"} {
		t.Run(name, func(t *testing.T) {
			if name == "setsid" && runtime.GOOS != "linux" {
				t.Skip("descendants outside the process group are found through /proc")
			}
			pidFile := filepath.Join(t.TempDir(), "helper.pid")
			env := map[string]string{"PATH": os.Getenv("PATH"), "HANG_PIDFILE": pidFile}
			p := Provider{Name: "leave", Command: hostile(t, name), Env: []string{"HANG_PIDFILE"},
				LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
			fs, err := p.collect(context.Background(), "")
			if err != nil || len(fs) != 1 {
				t.Fatalf("collect: %d facts, %v", len(fs), err)
			}
			b, err := os.ReadFile(pidFile)
			if err != nil {
				t.Fatalf("the provider did not record its helper: %v", err)
			}
			pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			for range 200 {
				if !alive(pid) {
					return
				}
				time.Sleep(10 * time.Millisecond)
			}
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Errorf("helper process %d outlived the successful provider", pid)
		})
	}
}
