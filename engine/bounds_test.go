package engine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annexa-dev/annexa/providers/facts"
)

// TestFindingsAreBounded: a policy cannot make the report grow without
// end: a long message is cut at a character boundary, large details are
// replaced by a note, and more findings than a policy may give are an
// error on its control.
func TestFindingsAreBounded(t *testing.T) {
	head := strings.Replace(ebsPolicy[:strings.Index(ebsPolicy, "deny contains")], "test_ebs", "test_bounds", 1)
	huge := head + `deny contains {"msg": concat("", array.concat(["é"], [x | some _ in numbers.range(1, 10000); x := "é"])), "resource": r.id, "details": {"big": concat("", [x | some _ in numbers.range(1, 10000); x := "0123456789"])}} if {
	some r in tf.resources("aws_ebs_volume")
}
`
	many := head + `deny contains {"msg": "m", "resource": sprintf("%s#%d", [r.id, n])} if {
	some r in tf.resources("aws_ebs_volume")
	some n in numbers.range(0, 100)
}
`
	fs := []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": false})}

	e, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(writePolicies(t, map[string]string{"p.rego": huge})))
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Evaluate(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	fds := r.Findings
	if len(fds) != 1 {
		t.Fatalf("findings %d, want 1", len(fds))
	}
	f := fds[0]
	if len(f.Message) > MaxMessageBytes || !utf8.ValidString(f.Message) || !strings.HasSuffix(f.Message, "(cut)") {
		t.Errorf("message of %d bytes (valid UTF-8: %v), want at most %d, cut and marked", len(f.Message), utf8.ValidString(f.Message), MaxMessageBytes)
	}
	var details map[string]any
	if err := json.Unmarshal(f.Details, &details); err != nil || len(f.Details) > MaxDetailsBytes || details["omitted"] == nil {
		t.Errorf("details %d bytes: %.80s (%v), want the note that they were omitted", len(f.Details), f.Details, err)
	}

	// The bound is lowered to 100 so the test stays fast: the policy gives
	// 101 findings.
	lowered := func(c *config) { c.maxFindings = 100 }
	e, err = New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(writePolicies(t, map[string]string{"p.rego": many})), lowered)
	if err != nil {
		t.Fatal(err)
	}
	r, err = e.Evaluate(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	if c := control(t, r, "8.24"); c.Status != StatusError || !strings.Contains(c.Reason, "gave 101 findings, more than the 100 a policy may give") {
		t.Errorf("8.24 = %s (%q), want an error on the number of findings", c.Status, c.Reason)
	}
}

// TestRunFindingsAreBounded: policies that each stay within their own
// bound cannot together make a report larger than a run's bound: the
// policy, in policy order, whose findings would cross it is an error on
// its control and its findings are dropped; those before it are kept.
func TestRunFindingsAreBounded(t *testing.T) {
	policy := func(pkg string) string {
		head := strings.Replace(ebsPolicy[:strings.Index(ebsPolicy, "deny contains")], "test_ebs", pkg, 1)
		return head + `deny contains {"msg": concat("", [x | some _ in numbers.range(1, 10); x := "0123456789"]), "resource": sprintf("%s#%d", [r.id, n])} if {
	some r in tf.resources("aws_ebs_volume")
	some n in numbers.range(1, 100)
}
`
	}
	dir := writePolicies(t, map[string]string{"a.rego": policy("bounds_a"), "b.rego": policy("bounds_b")})
	fs := []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": false})}
	// Each policy gives 100 findings of about 120 bytes: 12 KB.
	lowered := func(c *config) { c.maxFindingsBytes = 20 << 10 }
	e, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir), lowered)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Evaluate(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	byPolicy := map[string]int{}
	for _, f := range r.Findings {
		byPolicy[f.Policy]++
	}
	if byPolicy["c8_24.bounds_a"] != 100 || byPolicy["c8_24.bounds_b"] != 0 {
		t.Errorf("findings by policy %v, want the 100 of c8_24.bounds_a only", byPolicy)
	}
	if c := control(t, r, "8.24"); c.Status != StatusError || !strings.Contains(c.Reason, "would take the run's findings over") {
		t.Errorf("8.24 = %s (%q), want an error on the run's findings", c.Status, c.Reason)
	}
}
