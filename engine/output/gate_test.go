package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
)

// waivedReport is formatsReport with the 8.20 findings waived: one by a
// waivers file entry, one by an inline suppression.
func waivedReport() *engine.Report {
	r := formatsReport()
	r.Findings[0].Waiver = &waiver.Waiver{Policy: "c8_20.aws_sg", Resource: "*", Reason: "legacy", ApprovedBy: "ciso", Expires: "2026-12-31", File: "waivers.yaml", Line: 3}
	r.Findings[1].Waiver = &waiver.Waiver{Policy: "c8_20.aws_sg", Resource: "aws_security_group.web", Reason: "bastion", ApprovedBy: "lead", Expires: "2026-12-31", File: "infra/main.tf", Line: 11, Inline: true}
	r.Controls[2].Status, r.Controls[2].Waived = engine.StatusWaived, 2
	return r
}

func TestSARIFSuppressions(t *testing.T) {
	var buf bytes.Buffer
	if err := (SARIF{Anchor: "annexa.yaml"}).Write(&buf, waivedReport()); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if err := compileSARIFSchema(t).Validate(doc); err != nil {
		t.Errorf("not valid SARIF 2.1.0: %#v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Suppressions []sarifSuppression `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, res := range log.Runs[0].Results {
		for _, s := range res.Suppressions {
			kinds = append(kinds, s.Kind+"/"+s.Status+"/"+s.Justification)
		}
	}
	if got := strings.Join(kinds, ","); got != "external/accepted/legacy,inSource/accepted/bastion" {
		t.Errorf("suppressions = %s", got)
	}
}

func TestJUnitFollowsTheGate(t *testing.T) {
	tests := []struct {
		name   string
		gate   *engine.Gate
		failed []string
	}{
		{"default: every open finding", nil, []string{"5.1", "8.24"}},
		{"--fail-on high: a medium finding passes", &engine.Gate{FailOn: engine.SeverityHigh}, []string{"5.1", "8.24"}},
		{"--fail-on critical", &engine.Gate{FailOn: engine.SeverityCritical}, nil},
		{"--fail-on none", &engine.Gate{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (JUnit{Gate: tt.gate}).Write(&buf, waivedReport()); err != nil {
				t.Fatal(err)
			}
			checkAgainstXSD(t, buf.Bytes())
			var doc junitDoc
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			var failed []string
			for _, s := range doc.Suites {
				for _, c := range s.Cases {
					if c.Failure != nil && strings.HasPrefix(c.Classname, "annexa.A.") {
						failed = append(failed, strings.TrimPrefix(c.Classname, "annexa.A."))
					}
				}
			}
			if strings.Join(failed, ",") != strings.Join(tt.failed, ",") {
				t.Errorf("failing controls = %v, want %v (8.20's findings are waived)", failed, tt.failed)
			}
		})
	}
	var buf bytes.Buffer
	if err := (JUnit{Gate: &engine.Gate{FailOn: engine.SeverityHigh}}).Write(&buf, waivedReport()); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "not gating: medium aws_kms_key.data") || !strings.Contains(out, "waived until 2026-12-31 (legacy, waivers.yaml:3)") {
		t.Errorf("system-out does not list the findings that do not gate:\n%s", out)
	}
}

func TestTableMarksWaivedFindings(t *testing.T) {
	var buf bytes.Buffer
	r := waivedReport()
	r.Waivers = []waiver.Result{{Waiver: waiver.Waiver{Policy: "c8_24.aws_ebs", Reason: "r", ApprovedBy: "a", Expires: "2026-01-31", File: "waivers.yaml", Line: 9}, Status: waiver.StatusExpired, Findings: 1}}
	if err := (Table{Gate: &engine.Gate{FailOn: engine.SeverityHigh}}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"A.8.20   WAIVED",
		"  WAIVED  until 2026-12-31, approved by ciso: legacy (waivers.yaml:3)",
		"  WAIVED  until 2026-12-31, approved by lead: bastion (infra/main.tf:11)",
		"EXPIRED waiver waivers.yaml:9 (expires 2026-01-31): its 1 finding(s) are open",
		// The report has a control in error, which decides the exit code.
		"\nexit 2: 1 control(s) could not be evaluated",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// Without it, the gate decides, and the last line says how.
	r.Controls = slices.DeleteFunc(r.Controls, func(c engine.ControlResult) bool { return c.Status == engine.StatusError })
	r.Clauses = slices.DeleteFunc(r.Clauses, func(c engine.ClauseResult) bool { return c.Status == engine.ClauseError })
	if got, want := ExitLine(r, engine.Gate{FailOn: engine.SeverityHigh}), "exit 1: FAIL on findings at or above high: 3 gating, 2 waived, 1 below the threshold"; got != want {
		t.Errorf("exit line %q, want %q", got, want)
	}
}
