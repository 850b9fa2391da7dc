package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

const demo = "../../testdata/demo"

// demoReport runs check on the demo organisation as JSON.
func demoReport(t *testing.T, args ...string) (*engine.Report, result) {
	t.Helper()
	res := annexa(t, append([]string{"check", demo, "--format", "json"}, args...)...)
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("check %s: not a JSON report: %v\nstderr: %s", demo, err, res.stderr)
	}
	return &r, res
}

// leafClauses are the 30 requirements of clauses 4.1 to 10.2.
var leafClauses = []string{
	"4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
	"7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3",
	"9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2",
}

func TestDemoRollupInCheck(t *testing.T) {
	t.Parallel()
	r, res := demoReport(t)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has findings); stderr: %s", res.code, res.stderr)
	}
	if res.stderr != "" {
		t.Errorf("the demo's applicability file and register should raise no warnings: %s", res.stderr)
	}

	clauses := map[string]engine.ClauseResult{}
	for _, c := range r.Clauses {
		if c.Status == "" || len(c.Reasons) == 0 {
			t.Errorf("clause %s has status %q and %d reasons", c.ID, c.Status, len(c.Reasons))
		}
		clauses[c.ID] = c
	}
	if len(r.Clauses) != 41 {
		t.Errorf("%d clauses, want 41 (4 to 10.2 with their parents)", len(r.Clauses))
	}
	for _, id := range leafClauses {
		c, ok := clauses[id]
		if !ok {
			t.Errorf("clause %s missing", id)
			continue
		}
		if c.Rule == "" || c.Status == engine.ClauseNotAssessed || c.Status == engine.ClauseError {
			t.Errorf("clause %s = %s by %q: the demo declares evidence for every clause", id, c.Status, c.Rule)
		}
	}
	// The gaps the ISMS records of the demo are built to show
	// (testdata/demo/evidence/isms/README.md).
	want := map[string]struct {
		status engine.ClauseStatus
		reason string
	}{
		"4.1":   {engine.ClauseConformant, "Context record CTX-2026 decides that climate change is a relevant issue"},
		"4.3":   {engine.ClauseConformant, "ISMS scope ISMS-SCOPE names 4 part(s) in scope, 3 interface(s) and 2 dependency(ies)"},
		"6.1.3": {engine.ClausePartial, "Risk R-04 has a residual score of 16, above the appetite of 6, and its owner has not accepted it"},
		"6.2":   {engine.ClausePartial, "Objective O-3 (Patch critical vulnerabilities in the payments API quickly) was due on 2026-09-30"},
		"7.2":   {engine.ClauseConformant, "cover 5 role(s); 5 of the 5 people holding them completed the course"},
		"9.2.2": {engine.ClauseConformant, "3 of the 3 audits due under the programme have a report"},
		"9.3.2": {engine.ClausePartial, "Management review MR-2026-04 did not consider feedback from interested parties (interested_party_feedback)"},
		"10.2":  {engine.ClauseConformant, "Nonconformity register NC-REGISTER lists 4 nonconformit(ies): 2 closed, 2 open"},
	}
	for id, w := range want {
		c := clauses[id]
		if c.Status != w.status || !slices.ContainsFunc(c.Reasons, func(s string) bool { return strings.Contains(s, w.reason) }) {
			t.Errorf("clause %s = %s %q, want %s with %q", id, c.Status, c.Reasons, w.status, w.reason)
		}
	}

	if r.SoA == nil || len(r.SoA.Controls) != 93 || r.SoA.File != filepath.Join(demo, "soa.yaml") || len(r.SoA.Warnings) != 0 {
		t.Fatalf("SoA: %d controls from %q, warnings %v", len(r.SoA.Controls), r.SoA.File, r.SoA.Warnings)
	}
	for _, e := range r.SoA.Controls {
		if e.Justification == "" || e.Justification == engine.NotStated || e.LastEvaluated.IsZero() {
			t.Errorf("SoA entry %s: justification %q, last evaluated %v", e.ID, e.Justification, e.LastEvaluated)
		}
	}
	if st := statuses(r)["8.30"]; st != engine.StatusNotApplicable {
		t.Errorf("8.30, excluded in the SoA, is %s", st)
	}

	if r.Risks == nil || len(r.Risks.Risks) != 15 || r.Risks.Appetite != 6 || r.Risks.Method != engine.RiskMethodScore {
		t.Fatalf("risks %+v", r.Risks)
	}
	for _, k := range r.Risks.Risks {
		if k.Inherent != k.Likelihood*k.Impact || k.Residual < 1 || k.Residual > k.Inherent || k.InherentBand == "" || k.ResidualBand == "" {
			t.Errorf("risk %s: inherent %d (%dx%d), residual %d", k.ID, k.Inherent, k.Likelihood, k.Impact, k.Residual)
		}
	}
	var riskFindings []string
	for _, f := range r.Findings {
		if f.Policy == "risk.acceptance" {
			riskFindings = append(riskFindings, f.Resource)
			if !slices.Equal(f.Clauses, []string{"6.1.3", "8.3"}) || f.Source == nil || f.Source.File != filepath.Join(demo, "risks.yaml") {
				t.Errorf("risk finding %+v", f)
			}
		}
	}
	// R-04 rests on 6.3 and 6.8, which fail for Jonas Berg; R-06 on 5.18,
	// whose privileged review is overdue, and its acceptance expired.
	for _, id := range []string{"risk/R-04", "risk/R-06"} {
		if !slices.Contains(riskFindings, id) {
			t.Errorf("no risk.acceptance finding for %s (have %v)", id, riskFindings)
		}
	}
	if slices.Contains(riskFindings, "risk/R-07") || slices.Contains(riskFindings, "risk/R-12") {
		t.Errorf("accepted risks R-07 and R-12 have findings: %v", riskFindings)
	}
}

func TestDemoSoACSV(t *testing.T) {
	t.Parallel()
	res := annexa(t, "soa", demo, "--format", "csv")
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(res.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if len(rows) != 94 || rows[0][0] != "control" {
		t.Fatalf("%d rows, want a header and 93 controls", len(rows))
	}
	byID := map[string][]string{}
	for _, row := range rows[1:] {
		byID[row[0]] = row
		if row[10] != "2026-11-20T00:00:00Z" {
			t.Errorf("%s last evaluated %q", row[0], row[10])
		}
	}
	if r := byID["8.30"]; r[3] != "no" || r[5] != "not_applicable" || !strings.HasPrefix(r[4], "No development is outsourced: all code") {
		t.Errorf("8.30 row %q", r)
	}
	if r := byID["5.22"]; r[5] != "fail" || !strings.Contains(r[9], "supplier_register/SUP-REGISTER#paylink") || !strings.Contains(r[8], "supplier_register/SUP-REGISTER") {
		t.Errorf("5.22 row %q", r)
	}
	// The same inputs give the same bytes.
	if again := annexa(t, "soa", demo, "--format", "csv"); again.stdout != res.stdout {
		t.Error("two runs give different SoA CSV")
	}
}

func TestDemoSoAMarkdownAndJSON(t *testing.T) {
	t.Parallel()
	res := annexa(t, "soa", demo)
	if res.code != 0 || !strings.Contains(res.stdout, "# Statement of Applicability") || !strings.Contains(res.stdout, "## People controls") ||
		!strings.Contains(res.stdout, "93 controls: 92 applicable, 1 excluded; 93 justified.") {
		t.Errorf("exit %d:\n%s", res.code, res.stdout)
	}
	res = annexa(t, "soa", demo, "-f", "json")
	var s engine.SoA
	if err := json.Unmarshal([]byte(res.stdout), &s); err != nil || len(s.Controls) != 93 {
		t.Errorf("JSON SoA: %v, %d controls", err, len(s.Controls))
	}
}

func TestDemoRisk(t *testing.T) {
	t.Parallel()
	res := annexa(t, "risk", demo)
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{
		"15 risks, method score, appetite 6",
		"R-04  SVC-GOOGLE-WORKSPACE  4x4=16 HIGH    0      16 HIGH        ABOVE APPETITE (6), not accepted",
		"ABOVE APPETITE (6), acceptance not valid: it expired on 2026-10-15",
		"above appetite (6), accepted by lena.varga@acme-payments.example until 2027-03-31",
		"R-11  SITE-LONDON           2x3=6 low      0      6 low          within appetite",
		"R-14  LT-0021               2x2=4 low      0      4 low          within appetite",
		// Three passing controls leave some of R-01; the failing patching
		// of R-12 leaves it above the appetite, under its acceptance.
		"R-01  DATA-CARDHOLDER       3x5=15 med     0.856  2 low          within appetite",
		"      8.13  pass           removes 0.7 = strength 0.7 (register) x effectiveness 1",
		"R-12  SW-PAYMENTS-API       3x5=15 med     0.3    11 med         above appetite (6), accepted by priya.raman@acme-payments.example until 2027-02-28",
		"      8.8   fail           removes 0 = strength 0.7 (register) x effectiveness 0",
		"inherent                 residual",
		"     I1 I2 I3 I4 I5           I1 I2 I3 I4 I5",
		"risks: 15 (appetite 6, method score): inherent 1 high, 10 medium, 4 low;",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("risk output lacks %q:\n%s", want, res.stdout)
		}
	}
	split := annexa(t, "risk", demo, "--risk-method", "split", "--risk-appetite", "4")
	if split.code != 0 || !strings.Contains(split.stdout, "method split, appetite 4") || !strings.Contains(split.stdout, "R(L)/R(I)") ||
		!strings.Contains(split.stdout, "x effectiveness 1, reduces impact") {
		t.Errorf("split: exit %d\n%s%s", split.code, split.stdout, split.stderr)
	}
	js := annexa(t, "risk", demo, "--format", "json")
	var rr engine.RiskReport
	if err := json.Unmarshal([]byte(js.stdout), &rr); err != nil || len(rr.Risks) != 15 || rr.InherentMatrix[3][3] != 1 || rr.Model != 2 {
		t.Errorf("JSON: %v, model %d, %+v", err, rr.Model, rr.InherentMatrix)
	}
	if c := rr.Risks[0].Controls[1]; c.ID != "8.13" || c.Strength != 0.7 || c.StrengthFrom != "register" || c.Effectiveness != 1 || c.Reduction != 0.7 || rr.Risks[0].Reduction != 0.856 {
		t.Errorf("JSON: R-01 %+v, control %+v", rr.Risks[0].Reduction, c)
	}
}

func TestRiskFindingsGate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	register := filepath.Join(dir, "risks.csv")
	if err := os.WriteFile(register, []byte("id,asset,threat,likelihood,impact,controls,treatment,owner\nR-1,laptops,theft,4,4,7.9,modify,sam@example.com\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Nothing assesses 7.9, so R-1 keeps its 16: a high finding. The
	// register states no design strength, as registers did before them: it
	// is read, each link at its type's default, with a warning.
	res := annexa(t, "check", "--risks", register, effective, "--fail-on", "high")
	if res.code != 1 || !strings.Contains(res.stdout, "Risk R-1 (laptops: theft) has a residual score of 16 (high), above the appetite of 6") {
		t.Errorf("exit %d, want 1:\n%s%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, "risks.csv:2: the risk register states no design strength for any control") {
		t.Errorf("no warning about the old-format register:\n%s", res.stderr)
	}
	if res := annexa(t, "check", "--risks", register, effective, "--fail-on", "critical"); res.code != 0 {
		t.Errorf("--fail-on critical: exit %d, want 0", res.code)
	}
	if res := annexa(t, "check", "--risks", register, effective, "--risk-appetite", "16"); res.code != 0 {
		t.Errorf("appetite 16: exit %d, want 0 (16 is within it)", res.code)
	}
}

func TestRollupInputErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badRegister := write("risks.yaml", "risks:\n  - id: R-1\n    asset: a\n    threat: t\n    likelihood: 2\n    impact: 2\n    controls: [\"8.99\"]\n    treatment: modify\n    owner: o\n")
	badSoA := write("soa.csv", "control,applicable,justification\n5.1,yes,needed\n8.30,no,\n")
	unknownSoA := write("soa.yaml", "controls:\n  - {control: \"5.1\", applicable: true}\n  - {control: \"A.9.2\", applicable: true}\n")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown control in the register", []string{"risk", "--risks", badRegister}, `risks.yaml:2: risk R-1: "8.99" is not an ISO/IEC 27002:2022 control`},
		{"exclusion without justification", []string{"soa", "--applicability", badSoA}, "soa.csv:3: control 8.30 is excluded without a justification"},
		{"unknown control in the SoA", []string{"check", "--applicability", unknownSoA}, `soa.yaml:3: "A.9.2" is not an ISO/IEC 27002:2022 control`},
		{"appetite without a register", []string{"check", "--plan", compliantPlan, "--risk-appetite", "8"}, "need a risk register"},
		{"appetite out of range", []string{"risk", demo, "--risk-appetite", "30"}, "outside the scores 1 to 25"},
		{"unknown method", []string{"risk", demo, "--risk-method", "average"}, `"average" is not one of score, split`},
		{"risk without a register", []string{"risk", "--plan", compliantPlan}, "no risk register"},
		{"SoA format", []string{"soa", demo, "--format", "html"}, `"html" is not one of markdown, json, csv`},
		{"missing register file", []string{"risk", "--risks", filepath.Join(dir, "nope.yaml")}, "nope.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := annexa(t, tc.args...)
			if res.code != 2 || !strings.Contains(res.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", res.code, res.stderr, tc.want)
			}
			if res.stdout != "" {
				t.Errorf("an input error wrote output: %s", res.stdout)
			}
		})
	}
}

func TestMissingControlsAreWarned(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "soa.yaml")
	if err := os.WriteFile(p, []byte("controls:\n  - {control: \"5.1\", applicable: true, justification: needed}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := annexa(t, "soa", "--applicability", p, "--format", "csv", effective)
	if res.code != 0 || strings.Count(res.stderr, "warning: ") != 92 || !strings.Contains(res.stderr, "control 5.2 is not listed; it is treated as applicable, with the justification \"not stated\"") {
		t.Errorf("exit %d, %d warnings:\n%s", res.code, strings.Count(res.stderr, "warning: "), res.stderr)
	}
	if !strings.Contains(res.stdout, "5.2,Information security roles and responsibilities,organizational,yes,not stated,") {
		t.Errorf("5.2 is not applicable-not-stated in the CSV:\n%s", res.stdout)
	}
}

func TestDemoCheckTableAndDeterminism(t *testing.T) {
	t.Parallel()
	res := annexa(t, "check", demo, "--verbose")
	for _, want := range []string{
		"ISO/IEC 27001 clauses 4-10:",
		"4.1      CONFORMANT       Understanding the organization and its context",
		"9.3.2    PARTIAL            Management review inputs",
		"[risk.acceptance; clauses 6.1.3, 8.3]",
		"Not applicable, excluded in the Statement of Applicability:",
		"clauses: 30 requirements of clauses 4-10:",
		"risks: 15 (appetite 6, method score)",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	a, b := annexa(t, "check", demo, "--format", "json"), annexa(t, "check", demo, "--format", "json")
	if a.stdout != b.stdout {
		t.Error("two runs of the demo give different JSON")
	}
}

func TestDemoBundleReplaysRollup(t *testing.T) {
	dir := t.TempDir()
	res := annexaIn(t, dir, withPassword, "check", abs(t, demo), "--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"), "--format", "json=report.json")
	if res.code != 1 {
		t.Fatalf("check --bundle: exit %d\n%s", res.code, res.stderr)
	}
	v := annexaIn(t, dir, nil, "verify", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.pub"), "--replay")
	if v.code != 0 || !strings.Contains(v.stdout, "replay       identical: clauses, controls, effective_time, findings, format_version, policies, risks, soa, summary") {
		t.Errorf("verify --replay: exit %d\n%s%s", v.code, v.stdout, v.stderr)
	}
}
