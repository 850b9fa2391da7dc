package output

import (
	"bytes"
	"encoding/json"
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
	gate := &engine.Gate{FailOn: engine.SeverityHigh}
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
				"Annex A controls that fail or are waived:\nA.5.1    FAIL  ",
				"A.8.25   ERROR ",
				"1 controls pass, 1 not assessed, 1 not applicable (--verbose lists them, with the reasons)",
				"ISO/IEC 27001 clauses 4-10 not conformant:\n6.1.3    NONCONFORMANT  Information security risk treatment\n                          - Risk R-04 has no valid acceptance\n10.2     ERROR ",
				"risks: ",
				"\nexit 2: 1 control(s) could not be evaluated, first: 8.25: c8_25.x: evaluation timed out\n",
			},
			wantNot: []string{"A.8.31", "Not assessed, no policy yet", "7.5.1 ", "below"},
		},
		{
			name:  "verbose",
			table: Table{Verbose: true},
			want: []string{
				"Annex A controls assessed:\n",
				"A.8.31   PASS  ",
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
			want:    []string{"Findings:\n", "total ", "\nexit 2: "},
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

// The exit line gives the gate's decision over the report: 1 with the
// findings that gate, 0 when none does, 2 when a control failed to
// evaluate.
func TestExitLine(t *testing.T) {
	ok := formatsReport()
	ok.Controls = ok.Controls[:4] // without the control and the clause in error
	ok.Clauses = ok.Clauses[:4]
	tests := []struct {
		name string
		r    *engine.Report
		gate engine.Gate
		want string
	}{
		{"gating", ok, engine.Gate{FailOn: engine.SeverityHigh}, "exit 1: FAIL on findings at or above high: 5 gating, 1 below the threshold"},
		{"below", ok, engine.Gate{FailOn: engine.SeverityCritical}, "exit 1: FAIL on findings at or above critical: 2 gating, 4 below the threshold"},
		{"off", ok, engine.Gate{}, "exit 0: PASS on no finding (--fail-on none): 0 gating, 6 below the threshold"},
		{"evaluation error", formatsReport(), engine.Gate{FailOn: engine.SeverityHigh}, "exit 2: 1 control(s) could not be evaluated, first: 8.25: c8_25.x: evaluation timed out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExitLine(tt.r, tt.gate); got != tt.want {
				t.Errorf("ExitLine = %q, want %q", got, tt.want)
			}
		})
	}
}
