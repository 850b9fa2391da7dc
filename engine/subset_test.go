package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

const paramsPolicy = `# METADATA
# title: Volumes are at least the minimum size
# custom:
#   controls: ["8.6"]
#   severity: low
#   coverage: partial
#   inputs: ["resource:aws_ebs_volume"]
#   parameters: ["tls_min_version"]
#   remediation: None.
package annexa.controls.c8_6.test_params

import data.annexa.lib.params

deny contains finding if {
	some r in data.facts.resources_by_type.aws_ebs_volume
	finding := {"msg": sprintf("minimum %s", [params.value("tls_min_version")]), "resource": r.id}
}

judged contains r.id if {
	some r in data.facts.resources_by_type.aws_ebs_volume
}
`

// EvaluatePolicies judges as Evaluate does: the same findings and the
// same count of assessed facts, policy by policy.
func TestEvaluatePoliciesAgreesWithEvaluate(t *testing.T) {
	e := newTestEngine(t, map[string]string{"c8_24/ebs.rego": ebsPolicy, "c8_6/params.rego": paramsPolicy})
	fs := []facts.Fact{
		volume("a", []string{"create"}, map[string]any{"encrypted": false}),
		volume("b", []string{"create"}, map[string]any{"encrypted": true}),
	}
	ctx := context.Background()
	r, err := e.Evaluate(ctx, fs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.EvaluatePolicies(ctx, fs, []string{"c8_24.test_ebs", "c8_6.test_params"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Controls {
		for _, pr := range c.Policies {
			o, ok := got[pr.Policy]
			if !ok {
				continue
			}
			if len(o.Findings) != pr.Findings || len(o.Assessed) != pr.Assessed || o.Err != nil {
				t.Errorf("%s: %d findings, %d assessed (%v); Evaluate: %d, %d", pr.Policy, len(o.Findings), len(o.Assessed), o.Err, pr.Findings, pr.Assessed)
			}
		}
	}
	if _, err := e.EvaluatePolicies(ctx, fs, []string{"c8_24.nope"}); err == nil {
		t.Error("an unknown policy id is not an error")
	}
}

// The parameters fact reaches policies as data.facts.parameters, and a
// fact naming an undeclared parameter or a value of another type is an
// error naming its source.
func TestParametersFact(t *testing.T) {
	e := newTestEngine(t, map[string]string{"c8_6/params.rego": paramsPolicy})
	if d, ok := e.Parameter("tls_min_version"); !ok || d.Default != "1.2" || d.Source == "" {
		t.Fatalf("declaration = %+v, %v", d, ok)
	}
	if p := e.Policies()[0]; len(p.Parameters) != 1 || p.Parameters[0] != "tls_min_version" {
		t.Errorf("METADATA parameters = %v", p.Parameters)
	}
	ctx := context.Background()
	vol := volume("a", []string{"create"}, map[string]any{})
	src := facts.Source{Provider: "annexa", File: "annexa.yaml", Line: 3}
	for _, tc := range []struct {
		name   string
		values map[string]any
		want   string
	}{
		{"default", nil, "minimum 1.2"},
		{"override", e.InForce(map[string]any{"tls_min_version": "1.3"}), "minimum 1.3"},
		{"undeclared", map[string]any{"tls_min_version": "1.3", "nope": 1}, `annexa.yaml:3: unknown parameter "nope"`},
		{"wrong type", map[string]any{"tls_min_version": 1.3}, "annexa.yaml:3: parameter tls_min_version must be a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := []facts.Fact{vol}
			if tc.values != nil {
				fs = append(fs, ParametersFact(tc.values, src))
			}
			r, err := e.Evaluate(ctx, fs)
			if strings.HasPrefix(tc.want, "minimum") {
				if err != nil || len(r.Findings) != 1 || r.Findings[0].Message != tc.want {
					t.Fatalf("err %v, findings %+v, want %q", err, r.Findings, tc.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
