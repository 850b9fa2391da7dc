package input

import (
	"errors"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

func TestDecodeYAML(t *testing.T) {
	src := "# records\n" +
		"kind: training_record\n" +
		"id: TR-1\n" +
		"approved_at: 2026-02-01\n" +
		"count: 3\n" +
		"ratio: 0.5\n" +
		"ok: true\n" +
		"norway: no\n" +
		"empty:\n" +
		"list:\n" +
		"  - name: alice\n" +
		"    at: 2026-03-01\n" +
		"---\n" +
		"---\n" +
		"base: &b {owner: sec, team: blue}\n" +
		"derived:\n" +
		"  <<: *b\n" +
		"  team: red\n"
	docs, err := DecodeYAML("ev.yaml", []byte(src), DecodeLimits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2 (empty one skipped)", len(docs))
	}
	d := docs[0].Value.(map[string]any)
	want := map[string]any{"kind": "training_record", "id": "TR-1", "approved_at": "2026-02-01", "count": int64(3), "ratio": 0.5, "ok": true, "norway": "no", "empty": nil}
	for k, v := range want {
		if d[k] != v {
			t.Errorf("%s = %#v, want %#v", k, d[k], v)
		}
	}
	if p := docs[0].Pos("/list/0/at"); p != (Pos{Line: 12, Col: 5}) {
		t.Errorf("pos of /list/0/at = %+v", p)
	}
	if p := docs[0].Pos("/list/0/missing"); p.Line != 11 {
		t.Errorf("pos of a missing field falls back to its parent, got %+v", p)
	}
	if w := docs[0].Where("/id"); w != "ev.yaml:3:1" {
		t.Errorf("Where = %q", w)
	}
	merged := docs[1].Value.(map[string]any)["derived"].(map[string]any)
	if merged["owner"] != "sec" || merged["team"] != "red" {
		t.Errorf("merge key: %v", merged)
	}
	if docs[1].Index != 2 {
		t.Errorf("second document index = %d, want 2 (stream position)", docs[1].Index)
	}
}

func TestDecodeYAMLErrors(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n" +
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	tests := []struct {
		name, src, want string
		limits          DecodeLimits
	}{
		{"syntax", "a: b\n  c: d\n", "ev.yaml:2: invalid YAML", DecodeLimits{}},
		{"tab indent", "a:\n\t- b\n", "ev.yaml:2: invalid YAML", DecodeLimits{}},
		{"duplicate key", "a: 1\nb: 2\na: 3\n", "line 3: key \"a\" appears twice", DecodeLimits{}},
		{"alias bomb", bomb, "more than 100000 values", DecodeLimits{MaxValues: 100_000, MaxDepth: 64, MaxDocuments: 10}},
		{"too deep", strings.Repeat("[", 300) + strings.Repeat("]", 300), "nested more than", DecodeLimits{}},
		{"too many docs", "a: 1\n---\nb: 2\n---\nc: 3\n", "more than 2 YAML documents", DecodeLimits{MaxValues: 100, MaxDepth: 10, MaxDocuments: 2}},
		{"empty", "\n\n", "file is empty", DecodeLimits{}},
		{"binary", "a: \xff\xfe\x00", "not UTF-8", DecodeLimits{}},
		{"truncated flow", "a: [1, 2", "ev.yaml:", DecodeLimits{}},
		{"infinite", "a: .inf\n", "not a finite number", DecodeLimits{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeYAML("ev.yaml", []byte(tt.src), tt.limits)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "ev.yaml") {
				t.Errorf("err = %v, want it to name ev.yaml and say %q", err, tt.want)
			}
		})
	}
}

func TestValidateNamesLines(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource("s.json", strings.NewReader(`{
		"type": "object", "required": ["id", "owner"],
		"properties": {"id": {"type": "string"}, "review": {"type": "object", "properties": {"months": {"type": "integer", "minimum": 1}}}}
	}`)); err != nil {
		t.Fatal(err)
	}
	s := c.MustCompile("s.json")
	docs, err := DecodeYAML("r.yaml", []byte("records:\n  - id: 7\n    review:\n      months: 0\n"), DecodeLimits{})
	if err != nil {
		t.Fatal(err)
	}
	err = docs[0].Validate(s, "/records/0", "evidence record #1")
	var se *SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *SchemaError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"r.yaml:2:5: evidence record #1: field /records/0: missing properties: 'owner'",
		"r.yaml:2:5: evidence record #1: field /records/0/id: expected string, but got number",
		"r.yaml:4:7: evidence record #1: field /records/0/review/months: must be >= 1 but found 0",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if err := docs[0].Validate(s, "/nope", "x"); err == nil {
		t.Error("validating a missing pointer succeeded")
	}
}

func FuzzDecodeYAML(f *testing.F) {
	f.Add([]byte("a: 1\n---\nb: [1, 2, {c: d}]\n"))
	f.Add([]byte("x: &a [1]\ny: *a\nz:\n  <<: {k: v}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = DecodeYAML("fuzz.yaml", data, DecodeLimits{MaxValues: 10_000, MaxDepth: 32, MaxDocuments: 100})
	})
}
