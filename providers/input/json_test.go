package input

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDecodeJSONMatchesYAML holds the JSON reading of DecodeYAML to the
// YAML parser's: the same values, the same position for every value and
// key, and the same error, on hand-written edge cases and on every .json
// file of the repository's test data.
func TestDecodeJSONMatchesYAML(t *testing.T) {
	plain := map[string]string{
		"object":         `{"kind": "policy", "id": "POL-1", "controls": ["5.1", "5.2"], "n": 3}`,
		"array":          `[{"a": 1}, {"b": [true, false, null]}, "s", -2, 0.5]`,
		"nested empties": `{"o": {}, "a": [], "n": [[], {}, [[]]]}`,
		"minified":       `{"a":{"b":{"c":[1,2,{"d":"e"}]}},"f":"g"}`,
		"pretty":         "{\n  \"a\": {\n    \"b\": [\n      1,\n      2\n    ]\n  },\n  \"c\": \"d\"\n}\n",
		"crlf":           "{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    2\r\n  ]\r\n}\r\n",
		"leading space":  "\n\n   {\"a\": 1}",
		"unicode before": `{"é": "ü", "b": "日本語", "c": {"ä": 1}}`,
		"tabs":           "{\t\"a\":\t1,\t\"b\": [\t2]}",
		"escapes":        `{"q": "a\"b", "s": "back\\slash", "n": "line\nbreak", "u": "\u00e9\u003c", "t": "\t"}`,
		"numbers":        `[0, -0, 1, -17, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.0, 1e3, 1E-7, -0.5, 2.5e+10, 123456789012345678901234567890]`,
		"keys":           `{"": 1, "a/b": 2, "c~d": 3, "<<": 4, "with space": 5, "true": 6, "1": 7}`,
		"strings":        `["", "true", "null", "1", "2026-02-01", "yes", "~", "#not a comment", "a: b", "- x"]`,
		"deep":           strings.Repeat("[", 50) + strings.Repeat("]", 50),
	}
	notPlain := map[string]string{
		"duplicate key":   `{"a": 1, "a": 2}`,
		"surrogate pair":  `{"e": "\ud83d\ude00"}`,
		"lone surrogate":  `["\udc00"]`,
		"huge number":     `[1e999]`,
		"two documents":   "{\"a\": 1}\n---\n{\"b\": 2}\n",
		"trailing text":   `{"a": 1} x`,
		"yaml flow":       `{a: 1, b: [x, y]}`,
		"comment":         "{\"a\": 1} # note\n",
		"trailing comma":  `{"a": 1,}`,
		"single quotes":   `{'a': 1}`,
		"carriage return": "{\"a\":\r1}",
		"scalar":          `"just a string"`,
		"yaml":            "kind: policy\nid: X\n",
		"too deep":        strings.Repeat("[", 300) + strings.Repeat("]", 300),
	}
	check := func(t *testing.T, name string, data []byte, wantPlain bool) {
		t.Helper()
		file := name + ".json"
		data, err := CheckText(file, data)
		if err != nil {
			t.Skipf("not text: %v", err)
		}
		limits := DefaultDecodeLimits()
		if _, plainJSON := decodeJSON(file, data, limits); plainJSON != wantPlain {
			t.Errorf("read as plain JSON: %v, want %v", plainJSON, wantPlain)
		}
		if msg := differsFromYAML(file, data, limits, true); msg != "" {
			t.Error(msg)
		}
	}
	for name, doc := range plain {
		t.Run(name, func(t *testing.T) { check(t, name, []byte(doc), true) })
	}
	for name, doc := range notPlain {
		t.Run(name, func(t *testing.T) { check(t, name, []byte(doc), false) })
	}
	root := filepath.Join("..", "..", "testdata")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	plainFiles := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 8<<20 {
			continue
		}
		rel, _ := filepath.Rel(root, p)
		text, err := CheckText(p, data)
		if err != nil {
			continue
		}
		_, ok := decodeJSON(p, text, DefaultDecodeLimits())
		if ok {
			plainFiles++
		}
		t.Run(rel, func(t *testing.T) { check(t, rel, data, ok) })
	}
	if plainFiles < 20 {
		t.Errorf("only %d of %d test data files read as plain JSON", plainFiles, len(files))
	}
}

// differsFromYAML says how DecodeYAML's reading of data differs from the
// YAML parser's, "" when it does not: values, positions and, when
// sameErrors is set, errors. Without it, a document the YAML parser
// rejects may be read.
func differsFromYAML(file string, data []byte, limits DecodeLimits, sameErrors bool) string {
	want, wantErr := decodeYAMLStream(file, data, limits)
	got, gotErr := DecodeYAML(file, data, limits)
	switch {
	case wantErr != nil && !sameErrors:
		return ""
	case fmt.Sprint(gotErr) != fmt.Sprint(wantErr):
		return fmt.Sprintf("error %v, the YAML parser's %v", gotErr, wantErr)
	case len(got) != len(want):
		return fmt.Sprintf("%d documents, the YAML parser's %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i].Value, want[i].Value) {
			return fmt.Sprintf("document %d is\n%#v\nthe YAML parser's\n%#v", i, got[i].Value, want[i].Value)
		}
		for _, p := range pointers(want[i].Value, "") {
			if g, w := got[i].Pos(p), want[i].Pos(p); g != w {
				return fmt.Sprintf("document %d: %q is at %v, the YAML parser's at %v", i, p, g, w)
			}
		}
	}
	return ""
}

// FuzzDecodeJSONMatchesYAML: whatever the YAML parser reads, DecodeYAML
// reads the same, through JSON or not.
func FuzzDecodeJSONMatchesYAML(f *testing.F) {
	f.Add([]byte(`{"a": [1, 2.5, "x\n", {"b": null}], "é": true}`))
	f.Add([]byte("[\r\n  {\"k\": -0},\r\n  1e3\r\n]"))
	f.Add([]byte(`{"big": 9223372036854775808, "u": "\u00e9"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		data, err := CheckText("fuzz.json", data)
		if err != nil {
			return
		}
		if msg := differsFromYAML("fuzz.json", data, DecodeLimits{MaxValues: 10_000, MaxDepth: 32, MaxDocuments: 100}, false); msg != "" {
			t.Error(msg)
		}
	})
}

// pointers lists the JSON pointers of every value in v, "" included.
func pointers(v any, at string) []string {
	out := []string{at}
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = append(out, pointers(x[k], at+"/"+escapePointer(k))...)
		}
	case []any:
		for i, e := range x {
			out = append(out, pointers(e, fmt.Sprintf("%s/%d", at, i))...)
		}
	}
	return out
}

// TestDecodeJSONAcceptsWhatYAMLDoesNot: JSON the YAML parser rejects is
// read as the JSON it is, not refused.
func TestDecodeJSONAcceptsWhatYAMLDoesNot(t *testing.T) {
	data := []byte(`{"path": "a\/b"}`)
	if _, err := decodeYAMLStream("a.json", data, DefaultDecodeLimits()); err == nil {
		t.Fatal("the YAML parser now reads an escaped slash: this test is moot")
	}
	docs, err := DecodeYAML("a.json", data, DecodeLimits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]any{"path": "a/b"}; !reflect.DeepEqual(docs[0].Value, want) {
		t.Errorf("read %#v, want %#v", docs[0].Value, want)
	}
}
