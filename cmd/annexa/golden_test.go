package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the current output")

// TestGoldenOutput pins the human-readable and machine-readable reports
// byte for byte: a change to a format, a message or a roll-up shows up
// here as a diff to review, and regenerating (`make golden`) is a
// deliberate step. The runs fix their effective time, so the output is
// the same on every machine and every day.
func TestGoldenOutput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		golden string
		args   []string
		code   int
	}{
		{"plan-noncompliant.txt", []string{"check", "--plan", noncompliantPlan, effective}, 1},
		{"plan-noncompliant.json", []string{"check", "--plan", noncompliantPlan, effective, "--format", "json"}, 1},
		{"plan-noncompliant.sarif", []string{"check", "--plan", noncompliantPlan, effective, "--format", "sarif"}, 1},
		{"plan-compliant.txt", []string{"check", "--plan", compliantPlan, effective}, 0},
		{"plan-noncompliant-quiet.txt", []string{"check", "--plan", noncompliantPlan, effective, "--quiet", "--severity", "high", "--fail-on", "critical"}, 1},
		{"plan-noncompliant.junit.xml", []string{"check", "--plan", noncompliantPlan, effective, "--format", "junit", "--fail-on", "high"}, 1},
		{"demo-check.txt", []string{"check", demoProject}, 1},
		{"demo-check-verbose.txt", []string{"check", demoProject, "--verbose"}, 1},
		{"demo-check.junit.xml", []string{"check", demoProject, "--format", "junit"}, 1},
		{"demo-check.md", []string{"check", demoProject, "--format", "markdown"}, 1},
		{"demo-soa.md", []string{"soa", demoProject}, 0},
		{"demo-soa.csv", []string{"soa", demoProject, "--format", "csv"}, 0},
		{"demo-risk.txt", []string{"risk", demoProject}, 0},
		{"demo-risk.csv", []string{"risk", demoProject, "--format", "csv"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			t.Parallel()
			res := annexa(t, tt.args...)
			if res.code != tt.code {
				t.Fatalf("annexa %v: exit %d, want %d; stderr: %s", tt.args, res.code, tt.code, res.stderr)
			}
			path := filepath.Join("..", "..", "testdata", "golden", tt.golden)
			if *updateGolden {
				if err := os.WriteFile(path, []byte(res.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run make golden to create it)", err)
			}
			if res.stdout != string(want) {
				t.Errorf("annexa %v differs from %s (make golden rewrites it after review):\n%s",
					strings.Join(tt.args, " "), path, firstDifference(string(want), res.stdout))
			}
		})
	}
}

// firstDifference shows the first line where got departs from want.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n want %s\n got  %s", i+1, wl, gl)
		}
	}
	return "(only line endings differ)"
}
