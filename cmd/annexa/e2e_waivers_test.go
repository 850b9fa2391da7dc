package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

const (
	waiverPlan = "../../testdata/plans/noncompliant.json"
	waiverDir  = "../../testdata/waivers"
)

// TestWaiversCLI: a waived finding leaves the gate green and stays in the
// JSON, SARIF (as a suppression), JUnit (not a failure), table and the
// bundle, whose replay applies the same waivers; an expired waiver turns
// the gate red and is reported; a waiver without an approver is an input
// error naming file:line.
func TestWaiversCLI(t *testing.T) {
	waivers := filepath.Join(waiverDir, "waivers.yaml")
	sel := []string{"--plan", waiverPlan, "--control", "8.20", "--fail-on", "high"}

	rep, res := checkJSON(t, append(sel, "--waivers", waivers)...)
	if res.code != 0 {
		t.Fatalf("waived: exit %d, want 0\n%s", res.code, res.stderr)
	}
	if c := findControl(t, rep, "8.20"); c.Status != engine.StatusWaived || c.Waived != 3 || c.Findings != 3 {
		t.Errorf("8.20 = %s, %d of %d findings waived; want waived, 3 of 3", c.Status, c.Waived, c.Findings)
	}
	if len(rep.Findings) != 3 || rep.Summary.Waived != 3 {
		t.Fatalf("findings %d (%d waived), want the 3 findings kept and waived", len(rep.Findings), rep.Summary.Waived)
	}
	for _, f := range rep.Findings {
		if f.Waiver == nil || f.Waiver.ApprovedBy != "ciso@example.com" || f.Waiver.Line != 3 || f.Fingerprint == "" {
			t.Errorf("finding %s: waiver %+v, fingerprint %q", f.Resource, f.Waiver, f.Fingerprint)
		}
	}
	if len(rep.Waivers) != 2 || rep.Waivers[0].Status != "active" || rep.Waivers[1].Status != "unused" {
		t.Errorf("waivers = %+v, want one active, one unused", rep.Waivers)
	}
	if !strings.Contains(res.stderr, "waivers.yaml:9: waiver matches no finding") {
		t.Errorf("no warning for the unused waiver:\n%s", res.stderr)
	}

	table := annexa(t, append([]string{"check", effective, "--waivers", waivers}, sel...)...)
	for _, want := range []string{"A.8.20   WAIVED", "  WAIVED  until 2026-12-31, approved by ciso@example.com", "\nexit 0: PASS on findings at or above high: 0 gating, 3 waived"} {
		if !strings.Contains(table.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, table.stdout)
		}
	}

	sarif := annexa(t, append([]string{"check", effective, "--waivers", waivers, "--format", "sarif"}, sel...)...)
	var log struct {
		Runs []struct {
			Results []struct {
				Suppressions []struct{ Kind, Status, Justification string } `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(sarif.stdout), &log); err != nil || sarif.code != 0 {
		t.Fatalf("sarif: exit %d, %v", sarif.code, err)
	}
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) != 1 || r.Suppressions[0].Kind != "external" || r.Suppressions[0].Status != "accepted" {
			t.Errorf("SARIF result without its waiver as a suppression: %+v", r)
		}
	}

	junit := annexa(t, append([]string{"check", effective, "--waivers", waivers, "--format", "junit"}, sel...)...)
	var suites struct {
		Suites []struct {
			Cases []struct {
				Classname string    `xml:"classname,attr"`
				Failure   *struct{} `xml:"failure"`
				SystemOut string    `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(junit.stdout), &suites); err != nil || junit.code != 0 {
		t.Fatalf("junit: exit %d, %v", junit.code, err)
	}
	found := false
	for _, s := range suites.Suites {
		for _, c := range s.Cases {
			if c.Classname == "annexa.A.8.20" {
				found = true
				// The clauses still count the waived findings as open
				// (8.1 is nonconformant); the control's own case passes.
				if c.Failure != nil || !strings.HasPrefix(c.SystemOut, "waived until 2026-12-31") {
					t.Errorf("junit 8.20: failure %v, system-out %q; want a pass listing the waived findings", c.Failure != nil, c.SystemOut)
				}
			}
		}
	}
	if !found {
		t.Error("junit has no test case of 8.20")
	}

	// Expired: the gate turns red and the waiver is reported.
	rep, res = checkJSON(t, append(sel, "--waivers", filepath.Join(waiverDir, "expired.yaml"))...)
	if res.code != 1 || findControl(t, rep, "8.20").Status != engine.StatusFail || rep.Summary.Waived != 0 {
		t.Errorf("expired: exit %d, 8.20 %s, %d waived; want 1, fail, 0", res.code, findControl(t, rep, "8.20").Status, rep.Summary.Waived)
	}
	if len(rep.Waivers) != 1 || rep.Waivers[0].Status != "expired" || rep.Waivers[0].Findings != 3 || !strings.Contains(res.stderr, "expired.yaml:3: waiver expired (expires 2026-01-31)") {
		t.Errorf("expired waiver not reported: %+v\n%s", rep.Waivers, res.stderr)
	}

	// A waiver without an approver is an input error naming file:line.
	bad := annexa(t, append([]string{"check", effective, "--waivers", filepath.Join(waiverDir, "no-approver.yaml")}, sel...)...)
	if bad.code != 2 || !strings.Contains(bad.stderr, "no-approver.yaml:2: waiver without approved_by") {
		t.Errorf("no approver: exit %d, stderr %q; want 2 naming the file and line", bad.code, bad.stderr)
	}

	// waivers: in annexa.yaml names the file, resolved against the project.
	proj := t.TempDir()
	w, err := os.ReadFile(waivers)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"annexa.yaml":             "version: 1\nfail_on: high\nsources:\n  - plan: " + abs(t, waiverPlan) + "\nwaivers: exceptions/waivers.yaml\n",
		"exceptions/waivers.yaml": string(w),
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(proj, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(proj, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, res = checkJSON(t, proj, "--control", "8.20")
	if res.code != 0 || rep.Summary.Waived != 3 {
		t.Errorf("waivers: in annexa.yaml: exit %d, %d waived; want 0, 3\n%s", res.code, rep.Summary.Waived, res.stderr)
	}

	// The bundle records the waivers, signed, and a replay applies them.
	dir := t.TempDir()
	res = annexaIn(t, dir, withPassword, "check", effective, "--waivers", abs(t, waivers),
		"--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"),
		"--plan", abs(t, waiverPlan), "--control", "8.20", "--fail-on", "high")
	if res.code != 0 {
		t.Fatalf("check --bundle: exit %d\n%s", res.code, res.stderr)
	}
	v := annexa(t, "verify", filepath.Join(dir, "evidence.tar.gz"), "--key", "../../testdata/keys/annexa-test.pub", "--replay")
	if v.code != 0 || !strings.Contains(v.stdout, "replay       identical") || !strings.Contains(v.stdout, "waivers") {
		t.Errorf("verify --replay: exit %d\n%s%s", v.code, v.stdout, v.stderr)
	}
}

// TestInlineSuppressionsCLI: a comment above a Terraform block and an
// annotation of a Kubernetes object waive the findings of their policy
// about that resource only, as a waivers file entry would.
func TestInlineSuppressionsCLI(t *testing.T) {
	rep, res := checkJSON(t, "--tf", filepath.Join(waiverDir, "tf"), "--k8s", filepath.Join(waiverDir, "k8s"))
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the web group is not waived)\n%s", res.code, res.stderr)
	}
	waived := map[string]*engine.Finding{}
	for i, f := range rep.Findings {
		waived[f.Policy+" "+f.Resource] = &rep.Findings[i]
	}
	for key, want := range map[string]bool{
		"c8_20.aws_security_group aws_security_group.bastion": true,
		"c8_20.aws_security_group aws_security_group.web":     false,
		"c8_2.k8s_host_access Deployment/tools/debug":         true,
		"c8_2.k8s_privileged Deployment/tools/debug":          false,
	} {
		f, ok := waived[key]
		if !ok {
			t.Errorf("no finding %s", key)
			continue
		}
		if (f.Waiver != nil) != want {
			t.Errorf("%s waived = %v, want %v", key, f.Waiver != nil, want)
		}
		if want && (!f.Waiver.Inline || f.Waiver.Reason == "") {
			t.Errorf("%s: waiver %+v, want an inline one with its reason", key, f.Waiver)
		}
	}
}

// TestBaselineCLI: --baseline passes a run that only repeats the
// baseline's findings and fails one with a new finding; fixed findings are
// reported; a bundle baseline is verified with --baseline-key first.
func TestBaselineCLI(t *testing.T) {
	dir := t.TempDir()
	res := annexaIn(t, dir, withPassword, "check", effective, "--plan", abs(t, waiverPlan), "--format", "json=base.json",
		"--bundle", "base.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"))
	if res.code != 1 {
		t.Fatalf("baseline run: exit %d\n%s", res.code, res.stderr)
	}
	base := filepath.Join(dir, "base.json")

	rep, res := checkJSON(t, "--plan", waiverPlan, "--baseline", base)
	if res.code != 0 || rep.Baseline == nil || rep.Baseline.New != 0 || rep.Baseline.Known != len(rep.Findings) {
		t.Errorf("repeat of the baseline: exit %d, baseline %+v\n%s", res.code, rep.Baseline, res.stderr)
	}

	// One finding fewer in the baseline: that finding is new and gates.
	raw, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	findings := doc["findings"].([]any)
	dropped := findings[0].(map[string]any)["resource"]
	doc["findings"] = findings[1:]
	older := filepath.Join(dir, "older.json")
	b, _ := json.Marshal(doc)
	if err := os.WriteFile(older, b, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, res = checkJSON(t, "--plan", waiverPlan, "--baseline", older)
	if res.code != 1 || rep.Baseline.New != 1 || !strings.Contains(res.stderr, "1 gating") {
		t.Errorf("one new finding (%v): exit %d, baseline %+v\n%s", dropped, res.code, rep.Baseline, res.stderr)
	}

	// A run with fewer findings than the baseline reports them fixed.
	rep, res = checkJSON(t, "--plan", waiverPlan, "--control", "8.24", "--baseline", base)
	if res.code != 0 || len(rep.Baseline.Fixed) == 0 {
		t.Errorf("fixed: exit %d, %d fixed\n%s", res.code, len(rep.Baseline.Fixed), res.stderr)
	}

	// A bundle baseline verifies first; without a key it is refused.
	bundle := filepath.Join(dir, "base.tar.gz")
	res = annexa(t, "check", effective, "--plan", waiverPlan, "--baseline", bundle, "--baseline-key", "../../testdata/keys/annexa-test.pub")
	if res.code != 0 || !strings.Contains(res.stderr, "0 new") {
		t.Errorf("bundle baseline: exit %d\n%s", res.code, res.stderr)
	}
	res = annexa(t, "check", effective, "--plan", waiverPlan, "--baseline", bundle)
	if res.code != 2 || !strings.Contains(res.stderr, "--baseline-key") {
		t.Errorf("bundle baseline without a key: exit %d, stderr %q", res.code, res.stderr)
	}
	res = annexa(t, "check", effective, "--plan", waiverPlan, "--baseline", filepath.Join(waiverDir, "waivers.yaml"))
	if res.code != 2 || !strings.Contains(res.stderr, "baseline") {
		t.Errorf("a baseline that is not a report: exit %d, stderr %q", res.code, res.stderr)
	}
}

func findControl(t *testing.T, r *engine.Report, id string) engine.ControlResult {
	t.Helper()
	for _, c := range r.Controls {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no control %s", id)
	return engine.ControlResult{}
}

// TestWaiverAcceptsRiskCLI: on the demo, waiving the only findings of 8.24
// and 7.7 makes them waived, shown in the SoA as implemented with accepted
// exceptions, while effectiveness, the residual risks and the clauses are
// those of the run without waivers; a waiver naming a risk the register
// does not hold is a warning.
func TestWaiverAcceptsRiskCLI(t *testing.T) {
	open, res := checkJSON(t, demoProject)
	if res.code != 1 {
		t.Fatalf("demo: exit %d\n%s", res.code, res.stderr)
	}
	waived, res := checkJSON(t, demoProject, "--waivers", filepath.Join(waiverDir, "demo.yaml"))
	if res.code != 1 {
		t.Fatalf("demo with waivers: exit %d (other findings stay open)\n%s", res.code, res.stderr)
	}
	for _, id := range []string{"8.24", "7.7"} {
		o, w := findControl(t, open, id), findControl(t, waived, id)
		if o.Status != engine.StatusFail || w.Status != engine.StatusWaived || w.Effectiveness != o.Effectiveness {
			t.Errorf("%s: %s (%v) without waivers, %s (%v) with; want fail, then waived with the same effectiveness", id, o.Status, o.Effectiveness, w.Status, w.Effectiveness)
		}
	}
	same := func(what string, a, b any) {
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(b)
		if string(x) != string(y) {
			t.Errorf("%s differ with waivers: a waiver must not change them", what)
		}
	}
	open.Risks.Risks, waived.Risks.Risks = stripStatus(open.Risks.Risks), stripStatus(waived.Risks.Risks)
	same("residual risks", open.Risks.Risks, waived.Risks.Risks)
	var oc, wc []string
	for i := range open.Clauses {
		oc = append(oc, open.Clauses[i].ID+" "+string(open.Clauses[i].Status))
		wc = append(wc, waived.Clauses[i].ID+" "+string(waived.Clauses[i].Status))
	}
	same("clause statuses", oc, wc)
	for _, e := range waived.SoA.Controls {
		if e.ID == "8.24" && e.Status != engine.StatusWaived {
			t.Errorf("SoA 8.24 = %s, want waived", e.Status)
		}
	}
	if !strings.Contains(res.stderr, "demo.yaml:11: waiver names risk R-99, which the risk register does not hold") {
		t.Errorf("no warning for the unknown risk:\n%s", res.stderr)
	}
	soa := annexa(t, "soa", demoProject, effective, "--format", "markdown", "--waivers", filepath.Join(waiverDir, "demo.yaml"))
	if soa.code != 0 || !strings.Contains(soa.stdout, "implemented with accepted exceptions (waived)") {
		t.Errorf("soa: exit %d, no control implemented with accepted exceptions\n%s", soa.code, soa.stderr)
	}
}

// stripStatus drops the control statuses of risk links, which say
// "waived" where the control is; everything else must be equal.
func stripStatus(rs []engine.RiskResult) []engine.RiskResult {
	out := make([]engine.RiskResult, len(rs))
	for i, r := range rs {
		r.Controls = append([]engine.RiskControl(nil), r.Controls...)
		for j := range r.Controls {
			r.Controls[j].Status = ""
		}
		out[i] = r
	}
	return out
}
