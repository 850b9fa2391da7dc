package engine

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

// judgedPolicy is ebsPolicy judging the volumes whose encryption is known.
const judgedPolicy = ebsPolicy + `
judged contains r.id if {
	some r in tf.resources("aws_ebs_volume")
	is_boolean(r.attributes.encrypted)
}
`

// supportingPolicy judges every S3 bucket for 8.24, as supporting evidence.
const supportingPolicy = `# METADATA
# title: S3 buckets exist
# description: test policy
# custom:
#   controls: ["8.24"]
#   severity: low
#   coverage: supporting
#   inputs: ["resource:aws_s3_bucket"]
#   remediation: none
package annexa.controls.c8_24.test_s3

import data.annexa.lib.tf

deny contains {"msg": "bucket is public", "resource": b.id} if {
	some b in tf.resources("aws_s3_bucket")
	b.attributes.acl == "public-read"
}

judged := tf.ids(["aws_s3_bucket"])
`

func bucket(name string, attrs map[string]any) facts.Fact {
	return facts.Fact{
		Kind: facts.KindResource, Source: facts.Source{Provider: "test", File: "plan.json"},
		ID: "aws_s3_bucket." + name, BaseAddress: "aws_s3_bucket." + name, Mode: facts.ModeManaged,
		Type: "aws_s3_bucket", Name: name, Actions: []string{"create"}, Attributes: attrs,
	}
}

func judgedWarnings(r *Report) []string {
	var out []string
	for _, d := range r.Diagnostics {
		if d.Severity == diag.Warning && d.Source == "annexa" {
			out = append(out, d.Summary+"; "+d.Detail)
		}
	}
	return out
}

func TestJudgedDecidesAssessed(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": judgedPolicy})
	if p := e.Policies()[0]; !p.DeclaresJudged {
		t.Fatalf("%s: DeclaresJudged = false", p.ID)
	}
	for _, tt := range []struct {
		name         string
		facts        []facts.Fact
		want         Status
		wantReason   string
		wantAssessed int
	}{
		{"a known value is judged", []facts.Fact{volume("a", nil, map[string]any{"encrypted": true}), volume("b", nil, map[string]any{})}, StatusPass, "", 1},
		{"only unknown values: nothing judged, not a pass", []facts.Fact{volume("a", nil, map[string]any{}), volume("b", nil, map[string]any{})}, StatusNotAssessed,
			"its policies judged none of the 2 facts of their inputs (c8_24.test_ebs): none is one they apply to", 0},
		{"no facts", nil, StatusNotAssessed, "no facts for its policies: needs resource:aws_ebs_volume", 0},
		{"a finding", []facts.Fact{volume("a", nil, map[string]any{"encrypted": false}), volume("b", nil, map[string]any{})}, StatusFail, "", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := e.Evaluate(context.Background(), tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			c := control(t, r, "8.24")
			if c.Status != tt.want || c.Reason != tt.wantReason || c.Assessed != tt.wantAssessed || c.Policies[0].Assessed != tt.wantAssessed {
				t.Errorf("8.24 = %s (%q), %d assessed; want %s (%q), %d", c.Status, c.Reason, c.Assessed, tt.want, tt.wantReason, tt.wantAssessed)
			}
			if w := judgedWarnings(r); len(w) > 0 {
				t.Errorf("warnings = %q", w)
			}
		})
	}
}

func TestPolicyWithoutJudgedIsWarnedAbout(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": ebsPolicy})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", nil, map[string]any{}), volume("b", nil, map[string]any{})})
	if err != nil {
		t.Fatal(err)
	}
	// Without judged, every fact of its inputs counts: the old measure.
	if c := control(t, r, "8.24"); c.Status != StatusPass || c.Assessed != 2 {
		t.Errorf("8.24 = %s, %d assessed; want pass over the 2 facts of its inputs", c.Status, c.Assessed)
	}
	w := judgedWarnings(r)
	if len(w) != 1 || !strings.Contains(w[0], "policy c8_24.test_ebs does not say which facts it judged") || r.Diagnostics[0].File == "" {
		t.Errorf("warnings = %q, want one naming the policy and its file", w)
	}
}

func TestFindingsOutsideJudged(t *testing.T) {
	// judged lists nothing and one id that is no fact.
	pol := ebsPolicy + "\njudged contains \"aws_ebs_volume.nope\" if true\n"
	e := newTestEngine(t, map[string]string{"ebs.rego": pol})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", nil, map[string]any{"encrypted": false}), volume("b", nil, map[string]any{"encrypted": true})})
	if err != nil {
		t.Fatal(err)
	}
	// The fact of a finding counts as assessed, the stray id does not.
	if c := control(t, r, "8.24"); c.Status != StatusFail || c.Assessed != 1 {
		t.Errorf("8.24 = %s, %d assessed; want fail, 1 assessed", c.Status, c.Assessed)
	}
	w := judgedWarnings(r)
	if len(w) != 2 || !strings.Contains(w[0], "findings about facts it does not list as judged; aws_ebs_volume.a") ||
		!strings.Contains(w[1], "lists as judged ids that name no fact; aws_ebs_volume.nope") {
		t.Errorf("warnings = %q", w)
	}
}

func TestJudgedMustBeIDs(t *testing.T) {
	pol := ebsPolicy + "\njudged contains 7 if true\n"
	e := newTestEngine(t, map[string]string{"ebs.rego": pol})
	r, err := e.Evaluate(context.Background(), []facts.Fact{volume("a", nil, map[string]any{"encrypted": true})})
	if err != nil {
		t.Fatal(err)
	}
	if c := control(t, r, "8.24"); c.Status != StatusError || !strings.Contains(c.Reason, "judged must be a set of fact ids") {
		t.Errorf("8.24 = %s (%q)", c.Status, c.Reason)
	}
}

func TestRegisterEntriesStandForTheirRecord(t *testing.T) {
	idx := rollupIndex("asset_register/IT", "aws_s3_bucket.b")
	for id, want := range map[string]string{
		"asset_register/IT":        "asset_register/IT",
		"asset_register/IT#LT-001": "asset_register/IT",
		"aws_s3_bucket.b":          "aws_s3_bucket.b",
		"missing:asset_register":   "",
		"asset_register/OT#x":      "",
	} {
		if got, _ := idx.factOf(id); got != want {
			t.Errorf("factOf(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestSupportingPoliciesCannotPassAControl(t *testing.T) {
	e := newTestEngine(t, map[string]string{"ebs.rego": judgedPolicy, "s3.rego": supportingPolicy})
	for _, tt := range []struct {
		name       string
		facts      []facts.Fact
		want       Status
		wantReason string
	}{
		{"supporting alone", []facts.Fact{bucket("b", map[string]any{})}, StatusNotAssessed,
			"only supporting policies judged facts (c8_24.test_s3), and they cannot show it implemented on their own; no facts for its policies: needs resource:aws_ebs_volume"},
		{"supporting, and a partial policy judging nothing", []facts.Fact{bucket("b", map[string]any{}), volume("v", nil, map[string]any{})}, StatusNotAssessed,
			"only supporting policies judged facts (c8_24.test_s3), and they cannot show it implemented on their own; its policies judged none of the 1 facts of their inputs (c8_24.test_ebs): none is one they apply to"},
		{"supporting with a partial policy that judged", []facts.Fact{bucket("b", map[string]any{}), volume("v", nil, map[string]any{"encrypted": true})}, StatusPass, ""},
		{"a supporting policy's finding still fails", []facts.Fact{bucket("b", map[string]any{"acl": "public-read"})}, StatusFail, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := e.Evaluate(context.Background(), tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if c := control(t, r, "8.24"); c.Status != tt.want || c.Reason != tt.wantReason {
				t.Errorf("8.24 = %s (%q), want %s (%q)", c.Status, c.Reason, tt.want, tt.wantReason)
			}
		})
	}
}

func TestCoveragePerControl(t *testing.T) {
	both := strings.Replace(strings.Replace(supportingPolicy, `controls: ["8.24"]`, `controls: ["8.24", "8.12"]`, 1),
		"#   coverage: supporting\n", "#   coverage:\n#     \"8.24\": partial\n#     \"8.12\": supporting\n", 1)
	e := newTestEngine(t, map[string]string{"s3.rego": both})
	p := e.Policies()[0]
	if p.Coverage != CoveragePartial || p.CoverageOf("8.24") != CoveragePartial || p.CoverageOf("8.12") != CoverageSupporting {
		t.Errorf("coverage = %s, by control %v", p.Coverage, p.CoverageByControl)
	}
	r, err := e.Evaluate(context.Background(), []facts.Fact{bucket("b", map[string]any{})})
	if err != nil {
		t.Fatal(err)
	}
	if c := control(t, r, "8.24"); c.Status != StatusPass {
		t.Errorf("8.24 = %s (%q), want pass: partial for it", c.Status, c.Reason)
	}
	if c := control(t, r, "8.12"); c.Status != StatusNotAssessed || c.Reason != "its policies are all supporting evidence, which cannot show it implemented on their own" {
		t.Errorf("8.12 = %s (%q), want not_assessed: only supporting for it", c.Status, c.Reason)
	}

	for _, tt := range []struct{ coverage, want string }{
		{"#   coverage:\n#     \"8.24\": partial\n", "names no coverage for control 8.12"},
		{"#   coverage:\n#     \"8.24\": partial\n#     \"8.12\": most\n", `"most" is not one of full, partial, supporting`},
		{"#   coverage:\n#     \"8.24\": partial\n#     \"8.12\": partial\n#     \"8.13\": full\n", `"8.13" is not one of the policy's controls`},
	} {
		pol := strings.Replace(both, "#   coverage:\n#     \"8.24\": partial\n#     \"8.12\": supporting\n", tt.coverage, 1)
		dir := writePolicies(t, map[string]string{"p.rego": pol})
		if _, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("coverage %q: err = %v, want %q", tt.coverage, err, tt.want)
		}
	}
}

func TestJudgedFunctionIsNotTheRule(t *testing.T) {
	pol := ebsPolicy + "\njudged(r) if r.attributes.encrypted\n"
	e := newTestEngine(t, map[string]string{"ebs.rego": pol})
	if slices.ContainsFunc(e.Policies(), func(p *Policy) bool { return p.DeclaresJudged }) {
		t.Error("a function named judged was taken for the judged rule")
	}
}
