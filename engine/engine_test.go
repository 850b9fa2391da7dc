package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/providers/facts"
)

const ebsPolicy = `# METADATA
# title: EBS volumes are encrypted
# description: test policy
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:aws_ebs_volume"]
#   remediation: Set encrypted = true.
package annexa.controls.c8_24.test_ebs

import data.annexa.lib.tf

deny contains {"msg": "EBS volume is not encrypted", "resource": r.id} if {
	some r in tf.resources("aws_ebs_volume")
	tf.explicitly_false(r, "encrypted")
}
`

func writePolicies(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newTestEngine(t *testing.T, files map[string]string, opts ...Option) *Engine {
	t.Helper()
	opts = append([]Option{
		WithoutBuiltinPolicies(),
		WithPolicyDirs(writePolicies(t, files)),
		WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)),
	}, opts...)
	e, err := New(context.Background(), opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

func volume(name string, actions []string, attrs map[string]any) facts.Fact {
	return facts.Fact{
		Kind: facts.KindResource, Source: facts.Source{Provider: "test", File: "plan.json"},
		ID: "aws_ebs_volume." + name, BaseAddress: "aws_ebs_volume." + name, Mode: facts.ModeManaged,
		Type: "aws_ebs_volume", Name: name, Actions: actions, Attributes: attrs,
	}
}

func control(t *testing.T, r *Report, id string) ControlResult {
	t.Helper()
	for _, c := range r.Controls {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("control %s not in report", id)
	return ControlResult{}
}

func TestControlStatus(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	tests := []struct {
		name       string
		facts      []facts.Fact
		want       Status
		wantReason string
		findings   int
	}{
		{"no facts", nil, StatusNotAssessed, "needs resource:aws_ebs_volume", 0},
		{"encrypted", []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": true})}, StatusPass, "", 0},
		{"unknown is not a failure", []facts.Fact{volume("a", []string{"create"}, map[string]any{})}, StatusPass, "", 0},
		{"unencrypted", []facts.Fact{
			volume("a", []string{"create"}, map[string]any{"encrypted": false}),
			volume("b", []string{"update"}, map[string]any{"encrypted": true}),
		}, StatusFail, "", 1},
		{"deleted volume is not judged", []facts.Fact{volume("old", []string{"delete"}, map[string]any{"encrypted": false})}, StatusNotAssessed, "needs", 0},
		{"replaced volume is judged", []facts.Fact{volume("r", []string{"delete", "create"}, map[string]any{"encrypted": false})}, StatusFail, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := e.Evaluate(context.Background(), tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			c := control(t, r, "8.24")
			if c.Status != tt.want || !strings.Contains(c.Reason, tt.wantReason) || c.Findings != tt.findings {
				t.Errorf("8.24 = %s (%q, %d findings), want %s (%q, %d)", c.Status, c.Reason, c.Findings, tt.want, tt.wantReason, tt.findings)
			}
			if other := control(t, r, "5.1"); other.Status != StatusNotAssessed || !strings.Contains(other.Reason, "no policy") {
				t.Errorf("5.1 = %s (%q), want not_assessed for lack of a policy", other.Status, other.Reason)
			}
			if len(r.Controls) != 93 || r.Summary.Controls != 93 {
				t.Errorf("report has %d controls, want 93", len(r.Controls))
			}
		})
	}
}

func TestFindingFields(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": false})})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 {
		t.Fatalf("findings = %+v", r.Findings)
	}
	f := r.Findings[0]
	if f.Policy != "c8_24.test_ebs" || f.Resource != "aws_ebs_volume.a" || f.Severity != SeverityHigh ||
		f.Remediation != "Set encrypted = true." || f.Source == nil || f.Source.File != "plan.json" || f.Controls[0] != "8.24" {
		t.Errorf("finding = %+v", f)
	}
	if !r.FailsAt(SeverityHigh) || r.FailsAt(SeverityCritical) {
		t.Error("FailsAt does not compare severities")
	}
}

func TestSandboxRejectsImpureBuiltins(t *testing.T) {
	for _, call := range []string{
		`http.send({"method": "get", "url": "http://127.0.0.1/"})`,
		`opa.runtime()`,
		`time.now_ns()`,
		`net.lookup_ip_addr("localhost")`,
		`rand.intn("x", 10)`,
		`uuid.rfc4122("x")`,
	} {
		t.Run(strings.Split(call, "(")[0], func(t *testing.T) {
			pol := strings.Replace(ebsPolicy, `tf.explicitly_false(r, "encrypted")`, "x := "+call+"\n\tx", 1)
			dir := writePolicies(t, map[string]string{"p.rego": pol})
			_, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir))
			if err == nil || !strings.Contains(err.Error(), "undefined function") {
				t.Errorf("New with %s: err = %v, want an undefined function error", call, err)
			}
		})
	}
	// Pure CIDR arithmetic does no I/O and stays available.
	pol := strings.Replace(ebsPolicy, `tf.explicitly_false(r, "encrypted")`, `net.cidr_contains("0.0.0.0/0", "10.0.0.1")`, 1)
	if _, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(writePolicies(t, map[string]string{"p.rego": pol}))); err != nil {
		t.Errorf("net.cidr_contains rejected: %v", err)
	}
}

func TestEvalTimeout(t *testing.T) {
	slow := strings.Replace(ebsPolicy, `tf.explicitly_false(r, "encrypted")`,
		`count([x | some x in numbers.range(1, 100000000); x % 7 == 0]) > 0`, 1)
	e := newTestEngine(t, map[string]string{"slow.rego": slow}, WithEvalTimeout(200*time.Millisecond))
	start := time.Now()
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", []string{"create"}, map[string]any{})})
	if err != nil {
		t.Fatal(err)
	}
	c := control(t, r, "8.24")
	if c.Status != StatusError || !strings.Contains(c.Reason, "time limit") {
		t.Errorf("8.24 = %s (%q), want error naming the time limit", c.Status, c.Reason)
	}
	if elapsed := time.Since(start); elapsed > 60*time.Second {
		t.Errorf("evaluation was not cut off: took %s", elapsed)
	}
}

func TestPolicyLoadErrors(t *testing.T) {
	tests := []struct {
		name, policy, want string
	}{
		{"unknown control", strings.Replace(ebsPolicy, `["8.24"]`, `["8.99"]`, 1), `"8.99" is not an ISO/IEC 27002:2022 control`},
		{"bad severity", strings.Replace(ebsPolicy, "severity: high", "severity: urgent", 1), "custom.severity"},
		{"bad coverage", strings.Replace(ebsPolicy, "coverage: partial", "coverage: most", 1), "custom.coverage"},
		{"no inputs", strings.Replace(ebsPolicy, `#   inputs: ["resource:aws_ebs_volume"]`+"\n", "", 1), "custom.inputs"},
		{"bad input", strings.Replace(ebsPolicy, `resource:aws_ebs_volume`, `Resource aws`, 1), "custom.inputs"},
		{"no remediation", strings.Replace(ebsPolicy, "#   remediation: Set encrypted = true.\n", "", 1), "custom.remediation"},
		{"bad detector", strings.Replace(ebsPolicy, "#   severity: high\n", "#   severity: high\n#   detector: \"maybe\"\n", 1), "custom.detector"},
		{"no title", strings.Replace(ebsPolicy, "# title: EBS volumes are encrypted\n", "", 1), "title is required"},
		{"no metadata", ebsPolicy[strings.Index(ebsPolicy, "package"):], "no package METADATA"},
		{"no deny", strings.Replace(ebsPolicy, "deny contains", "warn contains", 1), "has no deny rule"},
		{"syntax error", ebsPolicy + "\ndeny contains x if {", "p.rego:"},
		{"wrong namespace", strings.Replace(ebsPolicy, "package annexa.controls.c8_24.test_ebs", "package main", 1), "package main is not allowed in a policy directory"},
		{"builtin package", strings.Replace(ebsPolicy, "package annexa.controls.c8_24.test_ebs", "package annexa.lib.tf", 1), "package annexa.lib.tf is not allowed in a policy directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writePolicies(t, map[string]string{"p.rego": tt.policy})
			_, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: err = %v, want it to say %q", err, tt.want)
			}
			if tt.name != "syntax error" && !strings.Contains(err.Error(), "p.rego") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	if _, err := New(context.Background(), WithPolicyDirs(t.TempDir())); err == nil || !strings.Contains(err.Error(), "no .rego files") {
		t.Errorf("empty policy dir: err = %v", err)
	}
	if _, err := New(context.Background(), WithPolicyDirs(filepath.Join(t.TempDir(), "nope"))); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing policy dir: err = %v", err)
	}
}

func TestBadFindingIsAnError(t *testing.T) {
	pol := strings.Replace(ebsPolicy, `deny contains {"msg": "EBS volume is not encrypted", "resource": r.id} if {`, `deny contains r.id if {`, 1)
	e := newTestEngine(t, map[string]string{"p.rego": pol})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", nil, map[string]any{"encrypted": false})})
	if err != nil {
		t.Fatal(err)
	}
	if c := control(t, r, "8.24"); c.Status != StatusError || !strings.Contains(c.Reason, "not an object") {
		t.Errorf("8.24 = %s (%q)", c.Status, c.Reason)
	}
}

func TestEvaluateIsDeterministic(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy}, WithParallelism(4))
	var fs []facts.Fact
	for _, n := range []string{"d", "a", "c", "b", "e"} {
		fs = append(fs, volume(n, []string{"create"}, map[string]any{"encrypted": n < "c"}))
	}
	var first []byte
	for i := range 5 {
		r, err := e.Evaluate(context.Background(), fs)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatal("two evaluations of the same facts differ")
		}
	}
}

func TestEffectiveTimeIsData(t *testing.T) {
	pol := strings.Replace(ebsPolicy, `tf.explicitly_false(r, "encrypted")`, `data.run.effective_time == "2026-11-22T00:00:00Z"`, 1)
	e := newTestEngine(t, map[string]string{"p.rego": pol})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", nil, map[string]any{})})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 {
		t.Errorf("policy did not see the effective time: %+v", r.Controls)
	}
}
