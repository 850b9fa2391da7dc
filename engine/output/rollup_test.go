package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
)

var at = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

func rollupReport() *engine.Report {
	excluded := engine.SoAEntry{
		ID: "8.30", Title: "Outsourced development", Theme: "technological", Applicable: false, Stated: true, Source: "soa.yaml:95",
		Justification: "No development is outsourced: \"all\" code is ours,\nwritten | reviewed in-house",
		Status:        engine.StatusNotApplicable, Policies: []string{}, Evidence: []string{}, Findings: []engine.SoAFinding{}, LastEvaluated: at,
	}
	failing := engine.SoAEntry{
		ID: "8.24", Title: "Use of cryptography", Theme: "technological", Applicable: true, Justification: engine.NotStated,
		Status: engine.StatusFail, Effectiveness: 0.929, Policies: []string{"c8_24.aws_ebs", "c8_24.aws_kms_rotation"},
		Evidence: []string{"aws_ebs_volume.a", "aws_ebs_volume.b", "aws_kms_key.data", "aws_kms_key.logs", "aws_s3_bucket.a", "aws_s3_bucket.b"},
		Findings: []engine.SoAFinding{{Policy: "c8_24.aws_kms_rotation", Resource: "aws_kms_key.data", Severity: engine.SeverityMedium}}, LastEvaluated: at,
	}
	return &engine.Report{
		Tool: engine.Tool{Name: "annexa", Version: "test", OPAVersion: "1.22.2"}, EffectiveTime: at,
		SoA: &engine.SoA{File: "soa.yaml", Controls: []engine.SoAEntry{failing, excluded}, Warnings: []string{"soa.yaml: control 8.24 is not listed"}},
		Risks: &engine.RiskReport{
			Register: "risks.yaml", RiskSettings: engine.RiskSettings{Appetite: 6, Method: engine.RiskMethodScore},
			Risks: []engine.RiskResult{{
				ID: "R-04", Asset: "SVC-GOOGLE-WORKSPACE", Threat: "Phishing, then session theft", Owner: "sam@example.com", Treatment: "modify",
				Likelihood: 4, Impact: 4, Inherent: 16, InherentBand: engine.BandHigh,
				Controls:           []engine.RiskControl{{ID: "6.3", Status: engine.StatusFail, Strength: 0.5, StrengthFrom: "register", Reduces: "score"}},
				ResidualLikelihood: 4, ResidualImpact: 4, Residual: 16, ResidualBand: engine.BandHigh, AboveAppetite: true,
			}},
			InherentMatrix: [5][5]int{3: {3: 1}}, ResidualMatrix: [5][5]int{3: {3: 1}}, Warnings: []string{},
		},
	}
}

func TestSoACSVQuotesAndRoundTrips(t *testing.T) {
	var buf bytes.Buffer
	if err := (SoACSV{}).Write(&buf, rollupReport()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v", err)
	}
	if len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(soaColumns, ",") {
		t.Fatalf("rows %q", rows)
	}
	if rows[2][4] != rollupReport().SoA.Controls[1].Justification || rows[2][3] != "no" || rows[2][5] != "not_applicable" {
		t.Errorf("excluded row %q: the justification with a quote, a comma, a newline and a bar must survive", rows[2])
	}
	if rows[1][7] != "c8_24.aws_ebs; c8_24.aws_kms_rotation" || rows[1][9] != "medium c8_24.aws_kms_rotation aws_kms_key.data" || rows[1][6] != "0.929" || rows[1][10] != "2026-11-20T00:00:00Z" {
		t.Errorf("failing row %q", rows[1])
	}
}

func TestSoAMarkdownEscapesCells(t *testing.T) {
	var buf bytes.Buffer
	if err := (SoAMarkdown{}).Write(&buf, rollupReport()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"# Statement of Applicability",
		"applicability from `soa.yaml`. 2 controls: 1 applicable, 1 excluded; 1 justified.",
		"## Technological controls",
		`| 8.30 Outsourced development | no | No development is outsourced: "all" code is ours, written \| reviewed in-house | not applicable | none |  |`,
		"| 8.24 Use of cryptography | yes | not stated | fail | aws_ebs_volume.a, aws_ebs_volume.b, aws_kms_key.data, aws_kms_key.logs, aws_s3_bucket.a and 1 more | medium: aws_kms_key.data |",
		"## Warnings\n\n- soa.yaml: control 8.24 is not listed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestSoAJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := (SoAJSON{}).Write(&buf, rollupReport()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		EffectiveTime time.Time         `json:"effective_time"`
		File          string            `json:"file"`
		Controls      []engine.SoAEntry `json:"controls"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.File != "soa.yaml" || len(got.Controls) != 2 || !got.EffectiveTime.Equal(at) {
		t.Errorf("%+v", got)
	}
}

func TestRiskTable(t *testing.T) {
	var buf bytes.Buffer
	if err := (RiskTable{}).Write(&buf, rollupReport()); err != nil {
		t.Fatal(err)
	}
	want := `Risk register risks.yaml as of 2026-11-20T00:00:00Z: 1 risks, method score, appetite 6

risk  asset                 L x I          R      residual       status
R-04  SVC-GOOGLE-WORKSPACE  4x4=16 HIGH    0      16 HIGH        ABOVE APPETITE (6), not accepted
      6.3   fail           removes 0 = strength 0.5 (register) x effectiveness 0

inherent                 residual
L5 |  .  .  .  .  .      L5 |  .  .  .  .  .
L4 |  .  .  .  1  .      L4 |  .  .  .  1  .
L3 |  .  .  .  .  .      L3 |  .  .  .  .  .
L2 |  .  .  .  .  .      L2 |  .  .  .  .  .
L1 |  .  .  .  .  .      L1 |  .  .  .  .  .
   +---------------         +---------------
     I1 I2 I3 I4 I5           I1 I2 I3 I4 I5
`
	if !strings.HasPrefix(buf.String(), want) {
		t.Errorf("table:\n%s\nwant it to start with:\n%s", buf.String(), want)
	}
}

func TestRiskWritersNeedARegister(t *testing.T) {
	r := rollupReport()
	r.Risks = nil
	for _, w := range []Writer{RiskTable{}, RiskJSON{}, RiskCSV{}} {
		if err := w.Write(&bytes.Buffer{}, r); err == nil || !strings.Contains(err.Error(), "no risk register") {
			t.Errorf("%T: error %v", w, err)
		}
	}
}

func TestRiskCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := (RiskCSV{}).Write(&buf, rollupReport()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][2] != "Phishing, then session theft" || rows[1][9] != "6.3 fail 0.5x0=0" || rows[1][10] != "0.000" || rows[1][13] != "16" || rows[1][15] != "true" {
		t.Errorf("rows %q", rows)
	}
}
