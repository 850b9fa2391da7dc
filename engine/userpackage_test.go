package engine

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

const validMetadata = `# METADATA
# title: Example
# custom:
#   controls: ["8.24"]
#   severity: low
#   coverage: partial
#   inputs: ["resource:aws_ebs_volume"]
#   remediation: Fix it.
`

// TestUserPoliciesCannotChangeWhatOthersSee loads a --policy directory
// whose one module declares a package that could change what the built-in
// policies, the clause rules or the roll-up read, or that annexa would
// silently never evaluate: each is refused, naming the file.
func TestUserPoliciesCannotChangeWhatOthersSee(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"facts document", "package facts\n\nresources_by_type := {}\n", "package facts is not allowed"},
		{"run document", "package run\n\ncontrols := {}\n", "package run is not allowed"},
		{"built-in library", "package annexa.lib.tf\n\nresources(_) := []\n", "package annexa.lib.tf is not allowed"},
		{"new built-in library", "package annexa.lib.mine\n\nx := 1\n", "package annexa.lib.mine is not allowed"},
		{"clause rules", "package annexa.clauses.c9_2\n\nconformity := \"conformant\"\n", "package annexa.clauses.c9_2 is not allowed"},
		{"risk policies", "package annexa.risk.mine\n\ndeny contains 1 if false\n", "package annexa.risk.mine is not allowed"},
		{"near miss", validMetadata + "package annexa.control.c8_24.mine\n\ndeny contains {\"msg\": \"x\"} if true\n", "package annexa.control.c8_24.mine is not allowed"},
		{"root annexa", "package annexa\n\nx := 1\n", "package annexa is not allowed"},
		{"library with deny", "package annexa.user.helpers\n\ndeny contains 1 if true\n", "has deny rules, which annexa would never evaluate"},
		{"deny without METADATA", "package annexa.controls.c8_24.mine\n\ndeny contains {\"msg\": \"x\"} if true\n", "has no package METADATA"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := PolicySource{FS: fstest.MapFS{"mine.rego": {Data: []byte(tc.src)}}, Name: "user"}
			_, err := New(context.Background(), WithPolicySources(src))
			if err == nil {
				t.Fatal("loaded; want an error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "user/mine.rego") {
				t.Fatalf("error %q\nwant it to name user/mine.rego and say %q", err, tc.want)
			}
		})
	}
}

// TestUserLibraryAndPolicyLoad is the allowed layout: a helper package
// under annexa.user and a policy under annexa.controls that imports it.
func TestUserLibraryAndPolicyLoad(t *testing.T) {
	lib := "package annexa.user.helpers\n\nsmall(v) if v.attributes.size < 10\n"
	pol := validMetadata + `package annexa.controls.c8_24.mine

import data.annexa.lib.tf
import data.annexa.user.helpers

deny contains {"msg": "small", "resource": v.id} if {
	some v in tf.resources("aws_ebs_volume")
	helpers.small(v)
}

judged contains v.id if some v in tf.resources("aws_ebs_volume")
`
	src := PolicySource{FS: fstest.MapFS{"lib/helpers.rego": {Data: []byte(lib)}, "mine.rego": {Data: []byte(pol)}}, Name: "user"}
	e, err := New(context.Background(), WithPolicySources(src))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range e.Policies() {
		found = found || p.ID == "c8_24.mine"
	}
	if !found {
		t.Fatal("policy c8_24.mine not loaded")
	}
}

// TestSandboxRefusesClockAndZone compiles policies that would reach the
// machine's time zone or wall clock: each is refused at compile time.
func TestSandboxRefusesClockAndZone(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"local zone in time.clock", `x := time.clock([0, "Local"])`, `time.clock: the time zone "Local" is the machine's`},
		{"local zone in time.format", `x := time.format([0, "Local", "2006"])`, `time.format: the time zone "Local" is the machine's`},
		{"local zone in time.diff", `x := time.diff([0, "UTC"], [1, "Local"])`, `time.diff: the time zone "Local"`},
		{"x509 chain verification", `x := crypto.x509.parse_and_verify_certificates("")`, "undefined function crypto.x509.parse_and_verify_certificates"},
		{"wall clock", `x := time.now_ns()`, "undefined function time.now_ns"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "package annexa.user.clock\n\n" + tc.body + "\n"
			_, err := New(context.Background(), WithPolicySources(PolicySource{FS: fstest.MapFS{"clock.rego": {Data: []byte(src)}}, Name: "user"}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	ok := "package annexa.user.clock\n\nx := time.clock([0, \"Europe/Paris\"])\n"
	if _, err := New(context.Background(), WithPolicySources(PolicySource{FS: fstest.MapFS{"clock.rego": {Data: []byte(ok)}}, Name: "user"})); err != nil {
		t.Fatalf("a named zone: %v", err)
	}
}
