package engine

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/providers/facts"
)

// TestTermBuilderMatchesInterfaceToValue checks that the shared-term
// conversion of fact documents gives the values OPA's own conversion
// gives, so policies see the same facts.
func TestTermBuilderMatchesInterfaceToValue(t *testing.T) {
	cases := map[string]any{
		"null":    nil,
		"bool":    true,
		"string":  "eu-west-1",
		"number":  json.Number("42"),
		"float":   json.Number("1.5e3"),
		"big":     json.Number("123456789012345678901234567890"),
		"float64": float64(7),
		"int":     3,
		"strings": []string{"a", "b", "a"},
		"array":   []any{"x", json.Number("1"), nil, false, []any{}, map[string]any{}},
		"object": map[string]any{
			"tags":  map[string]any{"Environment": "prod", "Name": "web"},
			"ports": []any{json.Number("443"), json.Number("443")},
			"empty": map[string]any{},
			"list":  []any{map[string]any{"k": "v"}, map[string]any{"k": "v"}},
		},
		"map of strings": map[string]string{"a": "b"},
	}
	b := newTermBuilder()
	for name, x := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := ast.InterfaceToValue(x)
			if err != nil {
				t.Fatal(err)
			}
			got, err := b.term(x)
			if err != nil {
				t.Fatal(err)
			}
			if got.Value.Compare(want) != 0 || got.Value.Hash() != want.Hash() || got.IsGround() != ast.NewTerm(want).IsGround() {
				t.Errorf("term(%v) = %v, want %v", x, got, want)
			}
		})
	}
	// Equal strings share one term.
	x, _ := b.term(map[string]any{"a": "shared", "b": "shared"})
	obj := x.Value.(ast.Object)
	if obj.Get(ast.StringTerm("a")) != obj.Get(ast.StringTerm("b")) {
		t.Error("equal strings were not given one shared term")
	}
	// Equal arrays and objects share one term too.
	y, _ := b.term(map[string]any{"a": []any{map[string]any{"k": "v"}}, "b": []any{map[string]any{"k": "v"}}, "c": []any{}})
	obj = y.Value.(ast.Object)
	if obj.Get(ast.StringTerm("a")) != obj.Get(ast.StringTerm("b")) {
		t.Error("equal arrays were not given one shared term")
	}
	if obj.Get(ast.StringTerm("a")) == obj.Get(ast.StringTerm("c")) {
		t.Error("different arrays were given one term")
	}
	if _, err := b.term(map[string]any{"bad": json.Number("not a number")}); err == nil {
		t.Error("an invalid number converted without an error")
	}
}

// TestFactTermMatchesDocument checks that a fact's term built from its
// fields is the term of its document (facts.Fact.Document), field by
// field, for facts that set every optional field and none.
func TestFactTermMatchesDocument(t *testing.T) {
	src := facts.Source{Provider: "terraform-plan", File: "plan.json"}
	cases := map[string]facts.Fact{
		"bare":      {Kind: facts.KindConfig, ID: "c", Source: src},
		"nil attrs": {Kind: facts.KindResource, ID: "r", Source: src, Attributes: nil, Configured: []string{}},
		"every field": {
			Kind: facts.KindResource, ID: `module.m.aws_s3_bucket.b["x"]`, Type: "aws_s3_bucket", BaseAddress: "module.m.aws_s3_bucket.b",
			Mode: facts.ModeManaged, Module: "module.m", Name: "b", ProviderName: "registry.terraform.io/hashicorp/aws", Index: "x",
			Source:     facts.Source{Provider: "terraform", File: "main.tf", Line: 12, Column: 3, Scope: "prod"},
			Attributes: map[string]any{"bucket": "logs", "tags": map[string]any{"Env": "prod"}, "n": json.Number("3")},
			Actions:    []string{"create"}, Unknown: []string{"arn"}, Sensitive: []string{"policy"},
			Detected:   map[string]string{"policy": "aws-access-key"},
			Configured: []string{"bucket", "tags"},
			References: map[string][]string{"policy": {"aws_iam_policy.p"}},
		},
		"count index": {Kind: facts.KindResource, ID: "a.b[0]", Index: 0, Source: src, Attributes: map[string]any{}},
	}
	// termBuilder.fact mirrors Document field by field; a field the
	// case with every field leaves unset would go untested.
	for i, v := 0, reflect.ValueOf(cases["every field"]); i < v.NumField(); i++ {
		if v.Field(i).IsZero() {
			t.Errorf("the case with every field leaves %s unset: set it, and convert it in termBuilder.fact if Document writes it", v.Type().Field(i).Name)
		}
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := newTermBuilder().term(f.Document())
			if err != nil {
				t.Fatal(err)
			}
			got, err := newTermBuilder().fact(&f)
			if err != nil {
				t.Fatal(err)
			}
			if got.Value.Compare(want.Value) != 0 || got.Value.Hash() != want.Value.Hash() {
				t.Errorf("fact term = %v\nwant        %v", got, want)
			}
		})
	}
}

// TestTermBuilderFindsObjectsBeforeBuilding checks that an object equal
// to one converted before is given that one's term, found before it is
// built, and that objects that differ in a key, a value or their number
// of members are not.
func TestTermBuilderFindsObjectsBeforeBuilding(t *testing.T) {
	b := newTermBuilder()
	first, _ := b.term(map[string]any{"Environment": "prod", "Name": "web", "n": json.Number("1")})
	again, _ := b.term(map[string]any{"Name": "web", "n": json.Number("1"), "Environment": "prod"})
	if first != again {
		t.Error("an equal object was not given the term built before")
	}
	for _, other := range []map[string]any{
		{"Environment": "prod", "Name": "api", "n": json.Number("1")},
		{"Environment": "prod", "name": "web", "n": json.Number("1")},
		{"Environment": "prod", "Name": "web"},
		{"Environment": "prod", "Name": "web", "n": json.Number("1"), "x": nil},
		// Swapped values: the same sum of hashes, another object.
		{"Environment": "web", "Name": "prod", "n": json.Number("1")},
	} {
		got, err := b.term(other)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := ast.InterfaceToValue(other)
		if got == first || got.Value.Compare(want) != 0 {
			t.Errorf("term(%v) = %v, want %v and not the term of another object", other, got, want)
		}
	}
}
