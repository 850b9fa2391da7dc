package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// The default table lists each finding once, most severe first, with its
// file:line and the controls it is against prefixed A.; it lists the
// controls that fail or errored but not those that pass or were not
// assessed; --verbose lists them all, --quiet none; --severity hides the
// findings below it and says how many; the gate's reason is the last line.
func TestTableLayout(t *testing.T) {
	gate := &engine.GateDecision{Code: 1, Reason: "exit 1: 5 findings at or above high (--fail-on high)"}
	tests := []struct {
		name     string
		table    Table
		severity engine.Severity
		want     []string
		wantNot  []string
	}{
		{
			name:  "default",
			table: Table{Gate: gate},
			want: []string{
				"Findings:\ncritical  infra/net work/sg#1.tf:3  aws_security_group.web",
				"port 22 open to the world  [c8_20.aws_sg; A.8.20]\n",
				"high      risks.yaml:41             risk/R-04",
				"[risk.acceptance; clauses 6.1.3, 8.3]",
				"high      -                         missing:policy/information_security",
				"medium    plans/tfplan.json         aws_kms_key.data",
				"Annex A controls that fail:\nA.5.1    FAIL ",
				"A.8.25   ERROR",
				"1 controls pass, 1 not assessed, 1 not applicable (--verbose lists them, with the reasons)",
				"ISO/IEC 27001 clauses 4-10 not conformant:\n6.1.3    NONCONFORMANT  Information security risk treatment\n                          - Risk R-04 has no valid acceptance\n10.2     ERROR ",
				"risks: ",
				"\nexit 1: 5 findings at or above high (--fail-on high)\n",
			},
			wantNot: []string{"A.8.31", "Not assessed, no policy yet", "7.5.1 ", "below"},
		},
		{
			name:  "verbose",
			table: Table{Verbose: true},
			want: []string{
				"Annex A controls assessed:\n",
				"A.8.31   PASS ",
				"Not assessed, no policy yet: 1 controls",
				"Not applicable, excluded in the Statement of Applicability:\nA.8.30 ",
				"ISO/IEC 27001 clauses 4-10:\n6        PARTIAL        Planning\n",
				"7.5.1    CONFORMANT         General\n",
				"not assessed, nothing to judge them by",
			},
			wantNot: []string{"exit "},
		},
		{
			name:    "quiet",
			table:   Table{Quiet: true, Gate: gate},
			want:    []string{"Findings:\n", "total ", "exit 1: "},
			wantNot: []string{"Annex A controls", "ISO/IEC 27001 clauses", "A.5.1    FAIL"},
		},
		{
			name:     "severity",
			table:    Table{},
			severity: engine.SeverityCritical,
			want: []string{
				"selection: --severity critical\n",
				"port 3389 open to the world",
				"4 finding(s) below critical not listed (--severity critical)\n",
				"6 findings: 2 critical, 3 high, 1 medium, 0 low",
			},
			wantNot: []string{"aws_kms_key.data", "risk/R-04"},
		},
		{
			name: "located elsewhere",
			table: Table{Locate: func(f engine.Finding) Location {
				if f.Resource == "aws_kms_key.data" {
					return Location{File: "infra/kms.tf", Line: 7}
				}
				return SourceLocation(f)
			}},
			want:    []string{"medium    infra/kms.tf:7 "},
			wantNot: []string{"plans/tfplan.json"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := formatsReport()
			r.Summary.Findings, r.Summary.BySeverity = 6, map[engine.Severity]int{engine.SeverityCritical: 2, engine.SeverityHigh: 3, engine.SeverityMedium: 1}
			if tt.severity != "" {
				r.Selection = &engine.Selection{Severity: tt.severity}
			}
			var buf bytes.Buffer
			if err := tt.table.Write(&buf, r); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("table lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("table has %q:\n%s", w, out)
				}
			}
			if n := strings.Count(out, "port 22 open to the world"); n != 1 {
				t.Errorf("a finding against one control is listed %d times", n)
			}
		})
	}
}

// JUnit fails a control only on a finding at or above --fail-on; one
// whose findings are all below passes and lists them in its output.
func TestJUnitFollowsFailOn(t *testing.T) {
	tests := []struct {
		failOn engine.Severity
		// the state of 8.24 (a high and a medium finding) and of 8.20 (two
		// critical ones)
		want824, want820 string
		failures         int
	}{
		{"", "failure", "failure", 4},
		{engine.SeverityHigh, "failure", "failure", 4},
		{engine.SeverityCritical, "pass", "failure", 2},
		{engine.GateNone, "pass", "pass", 1},
	}
	for _, tt := range tests {
		t.Run(string(tt.failOn), func(t *testing.T) {
			var buf bytes.Buffer
			if err := (JUnit{FailOn: tt.failOn}).Write(&buf, formatsReport()); err != nil {
				t.Fatal(err)
			}
			checkAgainstXSD(t, buf.Bytes())
			var doc junitDoc
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			state := map[string]string{}
			for _, s := range doc.Suites {
				for _, c := range s.Cases {
					switch {
					case c.Failure != nil:
						state[c.Classname] = "failure"
					case c.Error != nil:
						state[c.Classname] = "error"
					case c.Skipped != nil:
						state[c.Classname] = "skipped"
					default:
						state[c.Classname] = "pass"
					}
				}
			}
			if state["annexa.A.8.24"] != tt.want824 || state["annexa.A.8.20"] != tt.want820 {
				t.Errorf("8.24 %s, 8.20 %s; want %s, %s", state["annexa.A.8.24"], state["annexa.A.8.20"], tt.want824, tt.want820)
			}
			if doc.Failures != tt.failures {
				t.Errorf("%d failures, want %d", doc.Failures, tt.failures)
			}
			if tt.want824 == "pass" && !strings.Contains(buf.String(), "below the --fail-on threshold") {
				t.Errorf("a control passing below the gate does not list its findings:\n%s", buf.String())
			}
		})
	}
}

// SARIF places a finding where the locator says, with a column when known,
// and leaves out the findings below --severity without changing the
// fingerprints of the others.
func TestSARIFLocateAndSeverity(t *testing.T) {
	read := func(t *testing.T, s SARIF, sev engine.Severity) []map[string]any {
		t.Helper()
		r := formatsReport()
		if sev != "" {
			r.Selection = &engine.Selection{Severity: sev}
		}
		var buf bytes.Buffer
		if err := s.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []map[string]any `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		return log.Runs[0].Results
	}
	locate := func(f engine.Finding) Location {
		if f.Resource == "aws_kms_key.data" {
			return Location{File: "plans/tfplan.json", Line: 1, Column: 1234}
		}
		return SourceLocation(f)
	}
	all := read(t, SARIF{Locate: locate}, "")
	if len(all) != 6 {
		t.Fatalf("%d results, want 6", len(all))
	}
	region := func(res map[string]any) map[string]any {
		loc := res["locations"].([]any)[0].(map[string]any)
		r, _ := loc["physicalLocation"].(map[string]any)["region"].(map[string]any)
		return r
	}
	kms := all[5]
	if rg := region(kms); rg["startLine"] != 1.0 || rg["startColumn"] != 1234.0 {
		t.Errorf("the plan finding's region %v, want line 1 column 1234", rg)
	}
	critical := read(t, SARIF{Locate: locate}, engine.SeverityCritical)
	if len(critical) != 2 {
		t.Fatalf("%d results at --severity critical, want 2", len(critical))
	}
	for i := range critical {
		if got, want := critical[i]["partialFingerprints"], all[i]["partialFingerprints"]; !equalJSON(got, want) {
			t.Errorf("result %d fingerprint %v with --severity, %v without", i, got, want)
		}
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
