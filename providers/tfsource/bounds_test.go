package tfsource

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

// collectBounded collects files (an in-memory tree) with ctx, failing the
// test when Collect has not returned after limit: a guard against hanging
// the test run, not a speed claim.
func collectBounded(t *testing.T, ctx context.Context, p Provider, files map[string]string, limit time.Duration) ([]facts.Fact, diag.Diagnostics, time.Duration) {
	t.Helper()
	p.fsys = mapFS{mapFSOf(files)}
	type result struct {
		fs []facts.Fact
		ds diag.Diagnostics
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		fs, ds := p.Collect(ctx, "root")
		done <- result{fs, ds}
	}()
	select {
	case r := <-done:
		return r.fs, r.ds, time.Since(start)
	case <-time.After(limit):
		t.Fatalf("Collect did not return within %s", limit)
		return nil, nil, 0
	}
}

// doubled returns locals s0..s<n>, each the previous one twice, built by
// double(prev).
func doubled(n int, double func(prev string) string) string {
	var b strings.Builder
	b.WriteString("locals {\n  s0 = \"xxxxxxxxxxxxxxxx\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  s%d = %s\n", i, double(fmt.Sprintf("local.s%d", i-1)))
	}
	fmt.Fprintf(&b, "}\nresource \"null_resource\" \"r\" {\n  v = length(local.s%d)\n}\n", n)
	return b.String()
}

// TestEvaluationIsBounded: configurations built to take unbounded time or
// memory end within seconds with an error that says which bound they hit.
func TestEvaluationIsBounded(t *testing.T) {
	nestedFor := `locals {
  l = range(1024)
  x = [for a in local.l : [for b in local.l : [for c in local.l : "${a}-${b}-${c}"]]]
}
resource "null_resource" "r" {
  v = length(local.x)
}
`
	tests := []struct {
		name, src, wantErr string
	}{
		{"three nested 1024-element for expressions", nestedFor, "for expressions iterate more than"},
		{"nested for in an object", `locals {
  l = range(1024)
  x = {for a in local.l : a => {for b in local.l : b => {for c in local.l : c => a + b + c}}}
}
resource "null_resource" "r" { v = length(local.x) }
`, "for expressions iterate more than"},
		{"template for directives", `locals {
  l = range(1024)
  x = "%{for a in local.l}%{for b in local.l}%{for c in local.l}${a}${b}${c}%{endfor}%{endfor}%{endfor}"
}
resource "null_resource" "r" { v = length(local.x) }
`, "for expressions iterate more than"},
		{"string doubled 30 times by templates", doubled(30, func(p string) string { return `"${` + p + `}${` + p + `}"` }), "string longer than"},
		{"string doubled 30 times by join", doubled(30, func(p string) string { return `join("", [` + p + `, ` + p + `])` }), "string longer than"},
		{"string doubled 30 times by replace", doubled(30, func(p string) string { return `replace(` + p + `, "x", "xx")` }), "string longer than"},
		{"string doubled 30 times by format", doubled(30, func(p string) string { return `format("%s%s", ` + p + `, ` + p + `)` }), "string longer than"},
		{"list doubled 30 times by concat", strings.ReplaceAll(doubled(30, func(p string) string { return `concat(` + p + `, ` + p + `)` }), `"xxxxxxxxxxxxxxxx"`, `["x"]`), "more than"},
		{"setproduct of three 1024-element lists", `locals {
  l = range(1024)
  x = setproduct(local.l, local.l, local.l)
}
resource "null_resource" "r" { v = length(local.x) }
`, "more than"},
	}
	for _, tt := range []struct{ name, src, wantErr string }{
		{"nested for in a .tf.json string", `{"locals": {"l": "${range(1024)}", "x": "${[for a in local.l : [for b in local.l : [for c in local.l : \"${a}-${b}-${c}\"]]]}"}, "resource": {"null_resource": {"r": {"v": "${length(local.x)}"}}}}`, "More than one for expression in one .tf.json string"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, ds, _ := collectBounded(t, context.Background(), Provider{}, map[string]string{"root/main.tf.json": tt.src}, 60*time.Second)
			if err := ds.Err(); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.src) > 4096 {
				t.Fatalf("the attack file is %d bytes, more than 4 KB", len(tt.src))
			}
			_, ds, took := collectBounded(t, context.Background(), Provider{}, map[string]string{"root/main.tf": tt.src}, 60*time.Second)
			err := ds.Err()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
			if took > 20*time.Second {
				t.Errorf("took %s, want seconds", took)
			}
			t.Logf("ended in %s: %v", took.Round(time.Millisecond), err)
		})
	}
}

// TestEvaluationStopsOnCancel: cancelling the context stops an evaluation
// that no bound has stopped yet within a second.
func TestEvaluationStopsOnCancel(t *testing.T) {
	src := `locals {
  l = range(1024)
  x = [for a in local.l : [for b in local.l : [for c in local.l : "${a}-${b}-${c}"]]]
}
resource "null_resource" "r" { v = length(local.x) }
`
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(300 * time.Millisecond)
		cancel()
	}()
	p := Provider{limits: &limits{forIterations: 1 << 40, collection: 1 << 40, stringBytes: 1 << 40}}
	_, ds, took := collectBounded(t, ctx, p, map[string]string{"root/main.tf": src}, 30*time.Second)
	if err := ds.Err(); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Fatalf("error = %v, want cancellation", err)
	}
	if took > 300*time.Millisecond+time.Second {
		t.Errorf("took %s after a cancel at 300ms", took)
	}
}

// TestEvaluationDeadline: evaluation has a deadline of its own.
func TestEvaluationDeadline(t *testing.T) {
	src := `locals {
  l = range(1024)
  x = [for a in local.l : [for b in local.l : [for c in local.l : "${a}-${b}-${c}"]]]
}
resource "null_resource" "r" { v = length(local.x) }
`
	p := Provider{Timeout: 500 * time.Millisecond, limits: &limits{forIterations: 1 << 40, collection: 1 << 40, stringBytes: 1 << 40}}
	_, ds, took := collectBounded(t, context.Background(), p, map[string]string{"root/main.tf": src}, 30*time.Second)
	if err := ds.Err(); err == nil || !strings.Contains(err.Error(), "took longer than") {
		t.Fatalf("error = %v, want the deadline", err)
	}
	if took > 2*time.Second {
		t.Errorf("took %s with a deadline of 500ms", took)
	}
}

// TestBoundsKeepRealConfigurations: ordinary for expressions and strings
// are untouched by the bounds.
func TestBoundsKeepRealConfigurations(t *testing.T) {
	fs, _, err := collectWith(t, Provider{}, map[string]string{"root/main.tf": `locals {
  azs   = ["a", "b", "c"]
  nets  = { for i, az in local.azs : az => cidrsubnet("10.0.0.0/16", 8, i) if az != "c" }
  names = [for az in local.azs : upper(az)]
  text  = "%{for az in local.azs}${az};%{endfor}"
}
resource "null_resource" "r" {
  nets  = local.nets
  names = local.names
  text  = local.text
  big   = length(join("", [for i in range(1000) : format("%05d", i)]))
}
`})
	if err != nil {
		t.Fatal(err)
	}
	for attr, want := range map[string]string{
		"nets":  `{"a":"10.0.0.0/24","b":"10.0.1.0/24"}`,
		"names": `["A","B","C"]`,
		"text":  `"a;b;c;"`,
		"big":   `5000`,
	} {
		if got := attrJSON(t, fs, "null_resource.r", attr); got != want {
			t.Errorf("%s = %s, want %s", attr, got, want)
		}
	}
}

// BenchmarkNestedFor measures the time the three nested for expressions
// take to be refused.
func BenchmarkNestedFor(b *testing.B) {
	src := `locals {
  l = range(1024)
  x = [for a in local.l : [for b in local.l : [for c in local.l : "${a}-${b}-${c}"]]]
}
resource "null_resource" "r" { v = length(local.x) }
`
	for i := 0; i < b.N; i++ {
		p := Provider{fsys: mapFS{mapFSOf(map[string]string{"root/main.tf": src})}}
		if _, ds := p.Collect(context.Background(), "root"); ds.Err() == nil {
			b.Fatal("no error")
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapSys)/(1<<20), "heapsys-MiB")
}
