package facts

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

// TestFastPathKnowsEveryProperty fails when resource.json or source.json
// gains or loses a property: resourceMeetsSchema and validSource must then
// be updated to check it (until they are, every resource fact is left to
// the slower general validator, which is correct but slow).
func TestFastPathKnowsEveryProperty(t *testing.T) {
	known := map[string][]string{
		"schemas/resource.json": {"kind", "source", "id", "type", "base_address", "mode", "module", "name", "index", "provider_name", "actions", "attributes", "unknown", "sensitive", "detected", "configured", "references"},
		"schemas/source.json":   {"provider", "file", "line", "column", "scope"},
	}
	for file, want := range known {
		raw, err := schemaFS.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Properties map[string]json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		got := slices.Sorted(maps.Keys(s.Properties))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s has the properties %v; the fast path checks %v: update providers/facts/fastpath.go", file, got, want)
		}
	}
}

// TestResourceFastPathAgreesWithSchema holds the hand-written check of
// resource facts to the schema: every document it accepts, the schema
// accepts, and it accepts the documents providers commonly make.
func TestResourceFastPathAgreesWithSchema(t *testing.T) {
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	schema := v.byKind[KindResource]
	full := validResource()
	full.Module = "module.net"
	full.ProviderName = "registry.terraform.io/hashicorp/aws"
	full.Source.Line = 12
	full.Source.Column = 3
	full.Sensitive = []string{"password"}
	full.Detected = map[string]string{"user_data": "generic-api-key"}
	full.Configured = []string{"bucket", "tags"}
	base := full.Document()
	minimal := validResource()
	for name, doc := range map[string]map[string]any{"minimal": minimal.Document(), "full": base} {
		if !resourceMeetsSchema(doc) {
			t.Errorf("%s: a valid resource document was left to the schema", name)
		}
		if err := schema.Validate(doc); err != nil {
			t.Fatalf("%s: the base document is invalid: %v", name, err)
		}
	}
	with := func(k string, v any) map[string]any {
		d := maps.Clone(base)
		if v == nil {
			delete(d, k)
		} else {
			d[k] = v
		}
		return d
	}
	src := func(k string, v any) map[string]any {
		s := maps.Clone(base["source"].(map[string]any))
		if v == nil {
			delete(s, k)
		} else {
			s[k] = v
		}
		return with("source", s)
	}
	cases := map[string]map[string]any{
		"kind":                  with("kind", "evidence"),
		"no kind":               with("kind", nil),
		"no source":             with("source", nil),
		"source not object":     with("source", "x"),
		"no provider":           src("provider", nil),
		"empty provider":        src("provider", ""),
		"no file":               src("file", nil),
		"file not string":       src("file", 1.0),
		"line zero":             src("line", 0.0),
		"line fraction":         src("line", 1.5),
		"line string":           src("line", "1"),
		"column zero":           src("column", 0.0),
		"column fraction":       src("column", 2.5),
		"scope empty":           src("scope", ""),
		"scope with //":         src("scope", "a//b"),
		"scope ok":              src("scope", "env/prod"),
		"source extra":          src("extra", "x"),
		"empty id":              with("id", ""),
		"id not string":         with("id", 1.0),
		"no id":                 with("id", nil),
		"type digit first":      with("type", "1abc"),
		"type with dot":         with("type", "aws.s3"),
		"type empty":            with("type", ""),
		"type dash underscore":  with("type", "a-b_c9"),
		"no type":               with("type", nil),
		"empty base address":    with("base_address", ""),
		"no base address":       with("base_address", nil),
		"mode other":            with("mode", "resource"),
		"no mode":               with("mode", nil),
		"module no prefix":      with("module", "net"),
		"module not string":     with("module", 1.0),
		"empty name":            with("name", ""),
		"no name":               with("name", nil),
		"index string":          with("index", "a"),
		"index fraction":        with("index", 0.5),
		"index bool":            with("index", true),
		"provider name number":  with("provider_name", 1.0),
		"action unknown":        with("actions", []any{"destroy"}),
		"actions repeat":        with("actions", []any{"create", "create"}),
		"actions not array":     with("actions", "create"),
		"attributes array":      with("attributes", []any{}),
		"no attributes":         with("attributes", nil),
		"unknown repeat":        with("unknown", []any{"a", "a"}),
		"unknown number":        with("unknown", []any{1.0}),
		"unknown empty string":  with("unknown", []any{""}),
		"sensitive repeat":      with("sensitive", []any{"a", "b", "a"}),
		"configured empty":      with("configured", []any{""}),
		"configured repeat":     with("configured", []any{"a", "a"}),
		"detected empty":        with("detected", map[string]any{"a": ""}),
		"detected number":       with("detected", map[string]any{"a": 1.0}),
		"detected array":        with("detected", []any{}),
		"references not arrays": with("references", map[string]any{"a": "b"}),
		"references numbers":    with("references", map[string]any{"a": []any{1.0}}),
		"references repeat":     with("references", map[string]any{"a": []any{"b", "b"}}),
		"extra property":        with("extra", "x"),
	}
	for name, doc := range cases {
		fast := resourceMeetsSchema(doc)
		err := schema.Validate(doc)
		if fast && err != nil {
			t.Errorf("%s: the fast path accepts what the schema rejects: %v", name, err)
		}
		if !fast && err == nil {
			t.Logf("%s: left to the schema, which accepts it", name)
		}
	}
}
