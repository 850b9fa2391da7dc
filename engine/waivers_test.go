package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine/waiver"
	"github.com/annexa-dev/annexa/providers/facts"
)

func TestWaivers(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	w := func(resource, expires string) waiver.Waiver {
		return waiver.Waiver{Policy: "c8_24.test_ebs", Resource: resource, Reason: "legacy", ApprovedBy: "ciso", Expires: expires, File: "waivers.yaml", Line: 2}
	}
	fs := []facts.Fact{
		volume("a", []string{"create"}, map[string]any{"encrypted": false}),
		volume("b", []string{"create"}, map[string]any{"encrypted": false}),
	}
	tests := []struct {
		name       string
		waivers    []waiver.Waiver
		status     Status
		waived     int
		gate       bool
		waiverStat waiver.Status
		warning    string
	}{
		{"no waiver", nil, StatusFail, 0, true, "", ""},
		{"both waived", []waiver.Waiver{w("aws_ebs_volume.*", "2026-12-31")}, StatusWaived, 2, false, waiver.StatusActive, ""},
		{"one waived", []waiver.Waiver{w("aws_ebs_volume.a", "2026-12-31")}, StatusFail, 1, true, waiver.StatusActive, ""},
		{"expired", []waiver.Waiver{w("aws_ebs_volume.*", "2026-05-31")}, StatusFail, 0, true, waiver.StatusExpired, "waiver expired"},
		{"holds through its last day", []waiver.Waiver{w("aws_ebs_volume.*", "2026-06-01")}, StatusWaived, 2, false, waiver.StatusActive, ""},
		{"matches nothing", []waiver.Waiver{w("aws_s3_bucket.*", "2026-12-31")}, StatusFail, 0, true, waiver.StatusUnused, "matches no finding"},
		{"by control", []waiver.Waiver{{Control: "A.8.24", Resource: "*", Reason: "r", ApprovedBy: "a", Expires: "2026-12-31", File: "w.yaml", Line: 1}}, StatusWaived, 2, false, waiver.StatusActive, ""},
		{"other control", []waiver.Waiver{{Control: "8.20", Resource: "*", Reason: "r", ApprovedBy: "a", Expires: "2026-12-31", File: "w.yaml", Line: 1}}, StatusFail, 0, true, waiver.StatusUnused, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy}, WithEffectiveTime(at), WithWaivers(tt.waivers))
			r, err := e.Evaluate(context.Background(), fs)
			if err != nil {
				t.Fatal(err)
			}
			c := control(t, r, "8.24")
			if c.Status != tt.status || c.Waived != tt.waived || c.Findings != 2 {
				t.Errorf("8.24 = %s with %d of %d findings waived, want %s with %d of 2", c.Status, c.Waived, c.Findings, tt.status, tt.waived)
			}
			if len(r.Findings) != 2 || r.Summary.Findings != 2 || r.Summary.Waived != tt.waived {
				t.Errorf("findings = %d (summary %d, %d waived); waived findings must stay in the report", len(r.Findings), r.Summary.Findings, r.Summary.Waived)
			}
			if got := r.FailsAt(SeverityLow); got != tt.gate {
				t.Errorf("FailsAt(low) = %v, want %v", got, tt.gate)
			}
			if tt.waiverStat != "" && (len(r.Waivers) != 1 || r.Waivers[0].Status != tt.waiverStat) {
				t.Errorf("waivers = %+v, want one %s", r.Waivers, tt.waiverStat)
			}
			if tt.warning != "" && !strings.Contains(fmt.Sprint(r.Diagnostics), tt.warning) {
				t.Errorf("diagnostics = %v, want %q", r.Diagnostics, tt.warning)
			}
			if tt.status == StatusWaived {
				open := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy}, WithEffectiveTime(at))
				ro, err := open.Evaluate(context.Background(), fs)
				if err != nil {
					t.Fatal(err)
				}
				if oc := control(t, ro, "8.24"); oc.Effectiveness != c.Effectiveness {
					t.Errorf("effectiveness waived %v, open %v: a waiver must not change it", c.Effectiveness, oc.Effectiveness)
				}
				if soa := r.SoA.Controls; !containsStatus(soa, "8.24", StatusWaived) {
					t.Error("the SoA does not show 8.24 as waived")
				}
			}
		})
	}
}

func containsStatus(entries []SoAEntry, id string, s Status) bool {
	for _, e := range entries {
		if e.ID == id {
			return e.Status == s
		}
	}
	return false
}

func TestWaiverInputErrors(t *testing.T) {
	_, err := New(context.Background(), WithoutBuiltinPolicies(), WithWaivers([]waiver.Waiver{{Policy: "x", Reason: "r", Expires: "2026-01-01", File: "w.yaml", Line: 7}}))
	if err == nil || !strings.Contains(err.Error(), "w.yaml:7") || !strings.Contains(err.Error(), "approved_by") {
		t.Errorf("err = %v, want one naming w.yaml:7 and approved_by", err)
	}
}

func TestGateBaseline(t *testing.T) {
	f := func(res string, sev Severity) Finding {
		return Finding{Policy: "p", Resource: res, Message: "m", Severity: sev, Controls: []string{"8.24"}}
	}
	prev := &Report{Findings: []Finding{f("a", SeverityHigh), f("gone", SeverityHigh)}, Controls: []ControlResult{{ID: "8.24", Status: StatusFail}, {ID: "8.20", Status: StatusPass}}}
	tests := []struct {
		name      string
		findings  []Finding
		controls  []ControlResult
		regress   bool
		failed    bool
		new       int
		fixed     int
		regressed int
	}{
		{"only old findings", []Finding{f("a", SeverityHigh)}, []ControlResult{{ID: "8.24", Status: StatusFail}}, true, false, 0, 1, 0},
		{"one new finding", []Finding{f("a", SeverityHigh), f("b", SeverityHigh)}, []ControlResult{{ID: "8.24", Status: StatusFail}}, true, true, 1, 1, 0},
		{"a repeat beyond the baseline's count is new", []Finding{f("a", SeverityHigh), f("a", SeverityHigh)}, nil, true, true, 1, 1, 0},
		{"new below the threshold", []Finding{f("a", SeverityHigh), f("b", SeverityLow)}, nil, true, false, 1, 1, 0},
		{"regressed control", []Finding{f("a", SeverityHigh), f("c", SeverityLow)}, []ControlResult{{ID: "8.20", Status: StatusFail}}, true, true, 1, 1, 1},
		{"regression not gating", []Finding{f("a", SeverityHigh), f("c", SeverityLow)}, []ControlResult{{ID: "8.20", Status: StatusFail}}, false, false, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Gate{FailOn: SeverityMedium, Baseline: NewBaseline("old.json", prev), FailOnRegression: tt.regress}
			v := g.Decide(&Report{Findings: tt.findings, Controls: tt.controls})
			if v.Failed != tt.failed || v.Baseline.New != tt.new || len(v.Baseline.Fixed) != tt.fixed || len(v.Baseline.Regressed) != tt.regressed {
				t.Errorf("verdict = failed %v, new %d, fixed %d, regressed %v; want %v, %d, %d, %d (%s)",
					v.Failed, v.Baseline.New, len(v.Baseline.Fixed), v.Baseline.Regressed, tt.failed, tt.new, tt.fixed, tt.regressed, v.Summary(g))
			}
		})
	}
}

func TestFingerprintIgnoresLayout(t *testing.T) {
	if Fingerprint("p", "r", "Port  22 is\topen") != Fingerprint("p", "r", "port 22 is open") {
		t.Error("case and spacing change the fingerprint")
	}
	if Fingerprint("p", "r", "port 22 is open") == Fingerprint("p", "r", "port 23 is open") {
		t.Error("different messages share a fingerprint")
	}
}

// TestFingerprintIsStable: fingerprints are recorded in reports, bundles
// and baselines, so they must not change: each is the first 16 bytes of
// the SHA-256 of policy, resource and the message's words joined by one
// space and lowered, NUL-separated, whatever the message holds.
func TestFingerprintIsStable(t *testing.T) {
	reference := func(policy, resource, message string) string {
		msg := strings.ToLower(strings.Join(strings.Fields(message), " "))
		sum := sha256.Sum256([]byte(policy + "\x00" + resource + "\x00" + msg))
		return hex.EncodeToString(sum[:16])
	}
	long := strings.Repeat("Word ", 300)
	for _, msg := range []string{
		"", " ", "port 22 is open", "Port  22 is\topen\n", "  leading and trailing  ",
		"ÄÖÜ Straße", "İSTANBUL ılık", "ΣΊΣΥΦΟΣ", "non\u00a0breaking\u2003spaces\u3000ideographic",
		"mixed ASCII and Ünïcödé WORDS", "\xff\xfe invalid UTF-8 \xc3", long,
	} {
		if got, want := Fingerprint("c8_20.aws_security_group", "aws_security_group.web", msg), reference("c8_20.aws_security_group", "aws_security_group.web", msg); got != want {
			t.Errorf("Fingerprint(%q) = %s, want %s", msg, got, want)
		}
	}
	if got := Fingerprint("p", "r", "Port  22 is\topen"); got != "7d5d1d29f7eda7b64661c64c20021160" {
		t.Errorf("Fingerprint changed: %s", got)
	}
}
