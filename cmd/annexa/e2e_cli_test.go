package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutputFlags: --quiet, --verbose and --severity change what the
// table lists, not the exit code; the last line gives the reason for it;
// bad values are usage errors (exit 2).
func TestCheckOutputFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		code    int
		want    []string
		wantNot []string
	}{
		{"default", nil, 1,
			[]string{"Findings:\n", "A.8.24   FAIL", "controls pass", "\nexit 1: FAIL on findings at or above low: 22 gating\n"},
			[]string{"Not assessed, nothing in the input"}},
		{"quiet", []string{"--quiet", "--fail-on", "critical"}, 1,
			[]string{"Findings:\n", "total ", "\nexit 1: FAIL on findings at or above critical: 1 gating, 21 below the threshold\n"},
			[]string{"A.8.24   FAIL", "clauses 4-10 not conformant"}},
		{"verbose", []string{"--verbose", "--fail-on", "none"}, 0,
			[]string{"A.8.6    PASS", "Not assessed, nothing in the input a policy could decide it by:\nA.", "\nexit 0: PASS on no finding (--fail-on none): 0 gating, 22 below the threshold\n"},
			nil},
		{"severity does not move the gate", []string{"--severity", "critical", "--fail-on", "high"}, 1,
			[]string{"selection: --severity critical\n", "21 finding(s) below critical not listed (--severity critical)", "exit 1: FAIL on findings at or above high: 9 gating, 13 below the threshold"},
			[]string{"aws_ebs_volume.data "}},
		{"quiet and verbose", []string{"--quiet", "--verbose"}, 2, []string{"quiet", "verbose"}, nil},
		{"not a severity", []string{"--severity", "hgh"}, 2, []string{`"hgh" is not one of low, medium, high, critical`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := annexa(t, append([]string{"check", "--plan", noncompliantPlan, effective}, tt.args...)...)
			if res.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", res.code, tt.code, res.stderr)
			}
			out := res.stdout
			if tt.code == 2 {
				out = res.stderr
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestPlanFindingsLocatedInSource: a plan's findings point, in SARIF and
// the table, at the resource's block in the .tf files beside the plan or
// given with --tf; a plan alone, at the resource in the plan JSON.
func TestPlanFindingsLocatedInSource(t *testing.T) {
	t.Parallel()
	beside := t.TempDir()
	copyTree(t, noncompliantTF, beside)
	plan, err := os.ReadFile(noncompliantPlan)
	if err != nil {
		t.Fatal(err)
	}
	besidePlan := filepath.Join(beside, "tfplan.json")
	if err := os.WriteFile(besidePlan, plan, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantFile string // of the EBS volume's finding
		wantLine int
		wantCol  int
	}{
		{"plan alone", []string{"--plan", noncompliantPlan}, noncompliantPlan, 1143, 5},
		{"source beside the plan", []string{"--plan", besidePlan}, filepath.Join(beside, "main.tf"), 131, 0},
		{"source given with --tf", []string{"--plan", noncompliantPlan, "--tf", noncompliantTF}, filepath.Join(noncompliantTF, "main.tf"), 131, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := annexa(t, append([]string{"check", effective, "--format", "sarif", "--policy-id", "c8_24.aws_ebs"}, tt.args...)...)
			if res.code != 1 {
				t.Fatalf("exit %d\n%s", res.code, res.stderr)
			}
			var log struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct{ URI string }
								Region           struct{ StartLine, StartColumn int }
							}
							LogicalLocations []struct{ FullyQualifiedName string }
						}
					}
				}
			}
			if err := json.Unmarshal([]byte(res.stdout), &log); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range log.Runs[0].Results {
				loc := r.Locations[0]
				if !strings.HasSuffix(loc.LogicalLocations[0].FullyQualifiedName, "aws_ebs_volume.data") {
					continue
				}
				found = true
				p := loc.PhysicalLocation
				if p.ArtifactLocation.URI != fileURIOf(tt.wantFile) || p.Region.StartLine != tt.wantLine || p.Region.StartColumn != tt.wantCol {
					t.Errorf("EBS finding at %s:%d:%d, want %s:%d:%d", p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn, fileURIOf(tt.wantFile), tt.wantLine, tt.wantCol)
				}
			}
			if !found {
				t.Fatalf("no finding about aws_ebs_volume.data:\n%s", res.stdout)
			}
		})
	}
}

// fileURIOf is the SARIF URI of a path as annexa writes it: relative paths
// slash-separated as given, absolute ones as file URIs.
func fileURIOf(p string) string {
	p = filepath.ToSlash(p)
	if strings.HasPrefix(p, "/") {
		return "file://" + p
	}
	return p
}

// TestSeverityAndExcludeRecorded: --severity and --exclude are recorded in
// the report and the signed bundle, which verify prints and a replay
// reproduces; the bundle keeps the findings --severity does not list.
func TestSeverityAndExcludeRecorded(t *testing.T) {
	rep, res := checkJSON(t, "--tf", noncompliantTF, "--exclude", "modules", "--severity", "high")
	if res.code != 1 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	if rep.Selection == nil || rep.Selection.Severity != "high" || strings.Join(rep.Selection.Exclude, ",") != "modules" {
		t.Errorf("selection %+v, want severity high, exclude modules", rep.Selection)
	}
	medium := 0
	for _, f := range rep.Findings {
		if f.Severity == "medium" {
			medium++
		}
	}
	if medium == 0 {
		t.Error("the JSON report left out the findings below --severity")
	}

	dir := t.TempDir()
	res = annexaIn(t, dir, withPassword, "check", "--plan", abs(t, noncompliantPlan), "--severity", "high",
		"--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"))
	if res.code != 1 {
		t.Fatalf("check --bundle: exit %d\n%s", res.code, res.stderr)
	}
	res = annexa(t, "verify", filepath.Join(dir, "evidence.tar.gz"), "--key", "../../testdata/keys/annexa-test.pub", "--replay")
	if res.code != 0 || !strings.Contains(res.stdout, "selection    --severity high\n") || !strings.Contains(res.stdout, "replay identical") {
		t.Errorf("verify --replay: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}
