package engine

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/providers/facts"
)

// TestEnvironmentTag checks the environment the engine reads from a
// resource's tags against what labels.value(r, environment keys) gives
// in Rego (policies/lib/labels.rego), on the shapes of tags clouds use.
func TestEnvironmentTag(t *testing.T) {
	tests := []struct {
		name  string
		attrs string
		want  string
		found bool
	}{
		{"no tags", `{}`, "", false},
		{"aws tags_all", `{"tags_all": {"Environment": "prod", "Name": "x"}}`, "prod", true},
		{"tags_all wins over tags", `{"tags_all": {"Name": "x"}, "tags": {"env": "dev"}}`, "", false},
		{"tags_all not an object", `{"tags_all": null, "tags": {"env": "dev"}}`, "dev", true},
		{"google effective_labels", `{"effective_labels": {"environment": "test"}, "labels": {"env": "prod"}}`, "test", true},
		{"labels", `{"labels": {"Stage": "qa"}}`, "qa", true},
		{"cloud sql user_labels", `{"settings": [{"user_labels": {"deployment-environment": "live"}}]}`, "live", true},
		{"settings not a list", `{"settings": {"user_labels": {"env": "live"}}}`, "", false},
		{"punctuation and case", `{"tags": {"Deployment_Environment": "Prod"}}`, "Prod", true},
		{"the least of several", `{"tags": {"env": "uat", "Environment": "prod", "stage": "qa"}}`, "prod", true},
		{"not a string", `{"tags": {"env": 3}}`, "", false},
		{"another key", `{"tags": {"environments": "prod", "envy": "dev"}}`, "", false},
		{"non-ASCII dropped", `{"tags": {"énv": "dev"}}`, "", false},
		{"non-ASCII around a key", `{"tags": {"é-env": "dev"}}`, "dev", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var attrs map[string]any
			if err := json.Unmarshal([]byte(tt.attrs), &attrs); err != nil {
				t.Fatal(err)
			}
			got, found := environmentTag(attrs)
			if got != tt.want || found != tt.found {
				t.Errorf("environmentTag(%s) = %q, %v; want %q, %v", tt.attrs, got, found, tt.want, tt.found)
			}
		})
	}
}

// TestFactIndexGroups checks the indexes newFactIndex builds for single
// policies: the managed resources grouped by their environment tag (delete-
// only resources and data sources left out) and the facts of any kind with
// a literal secret detected in them.
func TestFactIndexGroups(t *testing.T) {
	fs := []facts.Fact{
		{Kind: facts.KindResource, Mode: facts.ModeManaged, Type: "aws_instance", ID: "aws_instance.b", Attributes: map[string]any{"tags_all": map[string]any{"Environment": "prod"}}},
		{Kind: facts.KindResource, Mode: facts.ModeManaged, Type: "aws_instance", ID: "aws_instance.a", Attributes: map[string]any{"tags_all": map[string]any{"env": "prod"}}},
		{Kind: facts.KindResource, Mode: facts.ModeManaged, Type: "aws_s3_bucket", ID: "aws_s3_bucket.dev", Attributes: map[string]any{"tags": map[string]any{"Stage": "dev"}}},
		{Kind: facts.KindResource, Mode: facts.ModeManaged, Type: "aws_s3_bucket", ID: "aws_s3_bucket.gone", Actions: []string{"delete"}, Attributes: map[string]any{"tags": map[string]any{"env": "dev"}}},
		{Kind: facts.KindResource, Mode: facts.ModeData, Type: "aws_ami", ID: "data.aws_ami.x", Attributes: map[string]any{"tags": map[string]any{"env": "prod"}}},
		{Kind: facts.KindResource, Mode: facts.ModeManaged, Type: "aws_instance", ID: "aws_instance.untagged", Attributes: map[string]any{}},
		{Kind: "config", Type: "env_file", ID: "config/.env", Attributes: map[string]any{"TOKEN": "(sensitive)"}, Detected: map[string]string{"TOKEN": "generic-api-key"}},
	}
	idx, err := newFactIndex(fs, 1)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(path ...string) []string {
		t.Helper()
		ref := make([]*ast.Term, len(path))
		for i, p := range path {
			ref[i] = ast.StringTerm(p)
		}
		v, err := idx.document.Find(ast.Ref(ref))
		if err != nil {
			t.Fatalf("%v: %v", path, err)
		}
		var out []string
		v.(*ast.Array).Foreach(func(f *ast.Term) {
			out = append(out, string(f.Get(ast.StringTerm("id")).Value.(ast.String)))
		})
		return out
	}
	tests := []struct {
		path []string
		want []string
	}{
		{[]string{"resources_by_environment", "prod"}, []string{"aws_instance.a", "aws_instance.b"}},
		{[]string{"resources_by_environment", "dev"}, []string{"aws_s3_bucket.dev"}},
		{[]string{"with_detected"}, []string{"config/.env"}},
	}
	for _, tt := range tests {
		if got := ids(tt.path...); !slices.Equal(got, tt.want) {
			t.Errorf("%v = %v, want %v", tt.path, got, tt.want)
		}
	}
	if n := idx.document.Get(ast.StringTerm("resources_by_environment")).Value.(ast.Object).Len(); n != 2 {
		t.Errorf("resources_by_environment has %d environments, want 2 (prod, dev)", n)
	}
}
