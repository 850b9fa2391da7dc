package facts

import (
	"encoding/json"
	"maps"
	"reflect"
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
// resource facts to the schema: every fact it accepts, the schema accepts
// the document of, and it accepts the facts providers commonly make.
func TestResourceFastPathAgreesWithSchema(t *testing.T) {
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	schema := v.byKind[KindResource]
	full := func() Fact {
		f := validResource()
		f.Module = "module.net"
		f.ProviderName = "registry.terraform.io/hashicorp/aws"
		f.Source.Line, f.Source.Column = 12, 3
		f.Sensitive = []string{"password"}
		f.Detected = map[string]string{"user_data": "generic-api-key"}
		f.Configured = []string{"bucket", "tags"}
		return f
	}
	scoped := func(scope string) func(*Fact) {
		return func(f *Fact) {
			f.Source.Scope = scope
			f.ID, f.BaseAddress = scope+ScopeSeparator+f.ID, scope+ScopeSeparator+f.BaseAddress
		}
	}
	for _, name := range []string{"minimal", "full", "scoped"} {
		f := validResource()
		switch name {
		case "full":
			f = full()
		case "scoped":
			scoped("env/prod")(&f)
		}
		if !resourceMeetsSchema(&f) {
			t.Errorf("%s: a valid resource fact was left to the schema", name)
		}
		if err := v.Validate(f.Document()); err != nil {
			t.Fatalf("%s: the base fact is invalid: %v", name, err)
		}
	}
	cases := map[string]func(*Fact){
		"kind":                 func(f *Fact) { f.Kind = KindEvidence },
		"no kind":              func(f *Fact) { f.Kind = "" },
		"no provider":          func(f *Fact) { f.Source.Provider = "" },
		"no file":              func(f *Fact) { f.Source.File = "" },
		"line negative":        func(f *Fact) { f.Source.Line = -1 },
		"scope with //":        scoped("a//b"),
		"scope ok":             scoped("env/prod"),
		"id without scope":     func(f *Fact) { f.Source.Scope = "env" },
		"only scope in id":     func(f *Fact) { scoped("env")(f); f.ID = "env" + ScopeSeparator },
		"empty id":             func(f *Fact) { f.ID = "" },
		"type digit first":     func(f *Fact) { f.Type = "1abc" },
		"type with dot":        func(f *Fact) { f.Type = "aws.s3" },
		"type empty":           func(f *Fact) { f.Type = "" },
		"type dash underscore": func(f *Fact) { f.Type = "a-b_c9" },
		"empty base address":   func(f *Fact) { f.BaseAddress = "" },
		"mode other":           func(f *Fact) { f.Mode = "resource" },
		"no mode":              func(f *Fact) { f.Mode = "" },
		"module no prefix":     func(f *Fact) { f.Module = "net" },
		"empty name":           func(f *Fact) { f.Name = "" },
		"index string":         func(f *Fact) { f.Index = "a" },
		"index negative":       func(f *Fact) { f.Index = -3 },
		"index float":          func(f *Fact) { f.Index = 0.5 },
		"index bool":           func(f *Fact) { f.Index = true },
		"action unknown":       func(f *Fact) { f.Actions = []string{"destroy"} },
		"actions repeat":       func(f *Fact) { f.Actions = []string{"create", "create"} },
		"no attributes":        func(f *Fact) { f.Attributes = nil },
		"unknown repeat":       func(f *Fact) { f.Unknown = []string{"a", "a"} },
		"unknown empty string": func(f *Fact) { f.Unknown = []string{""} },
		"sensitive repeat":     func(f *Fact) { f.Sensitive = []string{"a", "b", "a"} },
		"configured none":      func(f *Fact) { f.Configured = []string{} },
		"configured empty":     func(f *Fact) { f.Configured = []string{""} },
		"configured repeat":    func(f *Fact) { f.Configured = []string{"a", "a"} },
		"detected empty":       func(f *Fact) { f.Detected = map[string]string{"a": ""} },
		"references repeat":    func(f *Fact) { f.References = map[string][]string{"a": {"b", "b"}} },
		"references empty":     func(f *Fact) { f.References = map[string][]string{"a": {}} },
	}
	rejected := 0
	for name, mutate := range cases {
		f := full()
		mutate(&f)
		fast := resourceMeetsSchema(&f)
		doc := f.Document()
		if scope := f.Source.Scope; scope != "" {
			unscopedDoc, err := unscope(doc, scope)
			if err != nil {
				if fast {
					t.Errorf("%s: the fast path accepts a fact whose id lacks its scope: %v", name, err)
				}
				continue
			}
			doc = unscopedDoc
		}
		err := schema.Validate(doc)
		if fast && err != nil {
			t.Errorf("%s: the fast path accepts what the schema rejects: %v", name, err)
		}
		if err != nil {
			rejected++
		}
		if !fast && err == nil {
			t.Logf("%s: left to the schema, which accepts it", name)
		}
	}
	if rejected < len(cases)/2 {
		t.Errorf("only %d of %d cases make a fact the schema rejects; the cases no longer test the fast path", rejected, len(cases))
	}
}

// TestFactDocumentSize checks that a fact's size, reckoned from the fact,
// is that of its document.
func TestFactDocumentSize(t *testing.T) {
	facts := map[string]Fact{"minimal": validResource(), "empty": {}}
	f := validResource()
	f.Module, f.ProviderName, f.Mode = "module.net", "registry.terraform.io/hashicorp/aws", ModeData
	f.Source.Line, f.Source.Column, f.Source.Scope = 12, 3, "env/prod"
	f.Index = 1 << 62
	f.Sensitive, f.Configured = []string{"password"}, []string{}
	f.Detected = map[string]string{"user_data": "generic-api-key", "x": "é"}
	f.References = map[string][]string{"a": {"b", "c"}, "d": {}}
	f.Attributes = map[string]any{"n": 1.5, "l": []any{true, nil, "s"}, "m": map[string]any{"k": "v"}}
	facts["full"] = f
	// DocumentSize mirrors Document field by field; a field the full
	// fact leaves unset would go untested, and a new one unmirrored.
	for i, v := 0, reflect.ValueOf(f); i < v.NumField(); i++ {
		if v.Field(i).IsZero() {
			t.Errorf("the full fact leaves %s unset: set it, and size it in Fact.DocumentSize if Document writes it", v.Type().Field(i).Name)
		}
	}
	f.Index = "eu-west-1"
	f.Attributes = nil
	facts["string index"] = f
	for name, f := range facts {
		if got, want := f.DocumentSize(), DocumentSize(f.Document()); got != want {
			t.Errorf("%s: DocumentSize() = %d, DocumentSize(Document()) = %d", name, got, want)
		}
	}
}
