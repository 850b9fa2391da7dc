package waiver

import (
	"strings"
	"testing"
	"time"
)

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"*", "anything.at/all", true},
		{"aws_security_group.*", "aws_security_group.web", true},
		{"aws_security_group.*", "module.net.aws_security_group.web", false},
		{"*.aws_security_group.*", "module.net.aws_security_group.web", true},
		{`aws_instance.web["a"]`, `aws_instance.web["a"]`, true},
		{`aws_instance.web[?]`, `aws_instance.web[0]`, true},
		{"c8_20.*", "c8_24.aws_ebs", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"", "", true},
		{"", "x", false},
	}
	for _, tt := range tests {
		if got := Glob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("Glob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	good := `waivers:
  - policy: c8_20.aws_security_group
    resource: aws_security_group.legacy*
    reason: Legacy bastion, replaced in Q1
    approved_by: ciso@example.com
    expires: 2026-12-31
    risk: R-007
  - control: A.8.24
    resource: "*"
    reason: r
    approved_by: a
    expires: 2027-01-31T12:00:00Z
`
	ws, err := Parse("waivers.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].Line != 2 || ws[1].Line != 8 || ws[0].Risk != "R-007" || ws[0].Expires != "2026-12-31" {
		t.Fatalf("waivers = %+v", ws)
	}
	at := time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC)
	if ws[0].Expired(at) || !ws[0].Expired(at.Add(time.Minute)) {
		t.Error("a date must hold through the end of its day, UTC")
	}
	if !ws[0].Matches("c8_20.aws_security_group", "aws_security_group.legacy_ssh", []string{"8.20"}) ||
		ws[0].Matches("c8_20.aws_security_group", "aws_security_group.web", []string{"8.20"}) {
		t.Error("resource glob not applied")
	}
	if !ws[1].Matches("any.policy", "x", []string{"8.24"}) || ws[1].Matches("any.policy", "x", []string{"8.2"}) {
		t.Error("control glob not applied")
	}

	bad := []struct{ name, doc, want string }{
		{"no reason", "- policy: p\n  approved_by: a\n  expires: 2026-01-01\n", "waivers.yaml:1: waiver without reason"},
		{"no approver", "- policy: p\n  reason: r\n  expires: 2026-01-01\n", "waivers.yaml:1: waiver without approved_by"},
		{"no expiry", "waivers:\n  - policy: p\n    reason: r\n    approved_by: a\n", "waivers.yaml:2: waiver without expires"},
		{"bad expiry", "- policy: p\n  reason: r\n  approved_by: a\n  expires: soon\n", "waivers.yaml:1: expires:"},
		{"nothing to match", "- resource: x\n  reason: r\n  approved_by: a\n  expires: 2026-01-01\n", "neither a policy nor a control"},
		{"unknown field", "- policy: p\n  reasn: r\n", `waivers.yaml:2:3: unknown waiver field "reasn"`},
		{"not a list", "waivers: 3\n", "expected a list of waivers"},
		{"unknown key", "waiver: []\n", `unknown key "waiver"`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("waivers.yaml", []byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseInline(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
		want Waiver
		err  string
	}{
		{`# annexa:ignore c8_20.aws_security_group reason="legacy bastion" expires=2026-12-31 approved_by=ciso`, true,
			Waiver{Policy: "c8_20.aws_security_group", Resource: "r", Reason: "legacy bastion", ApprovedBy: "ciso", Expires: "2026-12-31", File: "main.tf", Line: 3, Inline: true}, ""},
		{`# annexa:ignore c8_20.aws_security_group reason="legacy bastion" expires=2026-12-31`, true, Waiver{}, "main.tf:3: waiver without approved_by"},
		{`// annexa:ignore c8_20.* reason="x" approved_by="sec team" expires=2026-12-31 risk=R-1`, true,
			Waiver{Policy: "c8_20.*", Resource: "r", Reason: "x", ApprovedBy: "sec team", Expires: "2026-12-31", Risk: "R-1", File: "main.tf", Line: 3, Inline: true}, ""},
		{`# just a comment`, false, Waiver{}, ""},
		{`# annexa:ignore c8_20.x approved_by=a expires=2026-12-31`, true, Waiver{}, "main.tf:3: waiver without reason"},
		{`# annexa:ignore c8_20.x reason="unterminated expires=2026-12-31`, true, Waiver{}, "unterminated"},
		{`# annexa:ignore c8_20.x reason="r" approved_by=a expires=2026-12-31 colour=red`, true, Waiver{}, `unknown field "colour"`},
	}
	for _, tt := range tests {
		w, ok, err := ParseInline("main.tf", 3, "r", tt.text)
		if ok != tt.ok {
			t.Errorf("%s: ok = %v", tt.text, ok)
			continue
		}
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.text, err, tt.err)
			}
			continue
		}
		if err != nil || w != tt.want {
			t.Errorf("%s: = %+v, %v; want %+v", tt.text, w, err, tt.want)
		}
	}
}
