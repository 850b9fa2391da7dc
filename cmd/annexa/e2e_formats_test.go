package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sarifLog is the part of a SARIF log the end-to-end tests read.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct{ ID string }
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct{ URI string }
					Region           *struct{ StartLine int }
				}
				LogicalLocations []struct{ FullyQualifiedName string }
			}
			PartialFingerprints map[string]string
		}
	}
}

// TestCheckSARIFAndJUnit runs the CI gate of the README: one run writes a
// SARIF log for code scanning and a JUnit report for the CI's test view.
func TestCheckSARIFAndJUnit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []string
		file  string // the source file every result is located in
		lines bool   // whether every result has a line
	}{
		{"plan", []string{"--plan", noncompliantPlan}, noncompliantPlan, true},
		{"terraform source", []string{"--tf", "../../testdata/tf/noncompliant"}, "../../testdata/tf/noncompliant/", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			sarifFile, junitFile := filepath.Join(dir, "annexa.sarif"), filepath.Join(dir, "annexa.xml")
			args := append([]string{"check", "--effective-time", "2026-11-22", "--fail-on", "high",
				"--format", "sarif=" + sarifFile, "--format", "junit=" + junitFile, "--format", "json"}, tt.args...)
			res := annexa(t, args...)
			if res.code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
			}
			var report struct {
				Findings []struct{ Policy, Resource string }
			}
			if err := json.Unmarshal([]byte(res.stdout), &report); err != nil {
				t.Fatal(err)
			}

			b, err := os.ReadFile(sarifFile)
			if err != nil {
				t.Fatal(err)
			}
			var log sarifLog
			if err := json.Unmarshal(b, &log); err != nil {
				t.Fatalf("%s is not JSON: %v", sarifFile, err)
			}
			if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "annexa" {
				t.Fatalf("log version %s, %d runs", log.Version, len(log.Runs))
			}
			run := log.Runs[0]
			if len(run.Results) != len(report.Findings) || len(run.Results) == 0 {
				t.Fatalf("%d results for %d findings", len(run.Results), len(report.Findings))
			}
			for i, r := range run.Results {
				f := report.Findings[i]
				if r.RuleID != f.Policy || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("result %d: rule %s (index %d), finding of %s", i, r.RuleID, r.RuleIndex, f.Policy)
				}
				loc := r.Locations[0]
				if loc.PhysicalLocation == nil || !strings.HasPrefix(loc.PhysicalLocation.ArtifactLocation.URI, tt.file) {
					t.Errorf("result %d (%s): location %+v, want in %s", i, f.Resource, loc.PhysicalLocation, tt.file)
				} else if hasLine := loc.PhysicalLocation.Region != nil && loc.PhysicalLocation.Region.StartLine > 0; hasLine != tt.lines {
					t.Errorf("result %d (%s): region %+v, want a line: %v", i, f.Resource, loc.PhysicalLocation.Region, tt.lines)
				}
				if loc.LogicalLocations[0].FullyQualifiedName != f.Resource || r.PartialFingerprints["annexaFinding/v1"] == "" {
					t.Errorf("result %d: logical location %+v, fingerprints %v", i, loc.LogicalLocations, r.PartialFingerprints)
				}
			}
			for _, s := range secrets {
				if strings.Contains(string(b), s) {
					t.Errorf("the SARIF log holds the secret %q", s)
				}
			}

			x, err := os.ReadFile(junitFile)
			if err != nil {
				t.Fatal(err)
			}
			var suites struct {
				Tests    int `xml:"tests,attr"`
				Failures int `xml:"failures,attr"`
				Suites   []struct {
					Name  string `xml:"name,attr"`
					Cases []struct {
						Classname string    `xml:"classname,attr"`
						Failure   *struct{} `xml:"failure"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(x, &suites); err != nil {
				t.Fatalf("%s is not XML: %v", junitFile, err)
			}
			controls, failed := 0, map[string]bool{}
			for _, s := range suites.Suites {
				for _, c := range s.Cases {
					if strings.HasPrefix(c.Classname, "annexa.A.") {
						controls++
					}
					if c.Failure != nil {
						failed[c.Classname] = true
					}
				}
			}
			if controls != 93 || !failed["annexa.A.8.24"] || suites.Failures != len(failed) || suites.Failures == 0 {
				t.Errorf("JUnit: %d control cases, %d failures, failed %v", controls, suites.Failures, failed)
			}
			for _, s := range secrets {
				if strings.Contains(string(x), s) {
					t.Errorf("the JUnit report holds the secret %q", s)
				}
			}
		})
	}
}
