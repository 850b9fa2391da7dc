package output

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
	"time"
)

// marshaled has its own MarshalJSON, whose output the encoder re-indents.
type marshaled struct{}

func (marshaled) MarshalJSON() ([]byte, error) { return []byte(`{"m" : [1,{"n":null}], "e":{}}`), nil }

// TestEncodeJSONMatchesEncoderIndent checks that encodeJSON gives the
// bytes json.Encoder gives with two spaces of indentation and HTML
// characters unescaped, which is what every annexa JSON output was before
// it was encoded by the json v2 encoder, and what earlier bundles hold.
func TestEncodeJSONMatchesEncoderIndent(t *testing.T) {
	type inner struct {
		A string          `json:"a"`
		B []int           `json:"b"`
		C map[string]any  `json:"c,omitempty"`
		R json.RawMessage `json:"r,omitempty"`
		Z int             `json:"z,omitempty"`
		F bool            `json:"f,omitempty"`
		P *inner          `json:"p,omitempty"`
		T time.Time       `json:"t"`
		M marshaled       `json:"m"`
		S []string        `json:"s"`
	}
	cases := map[string]any{
		"scalar":  "x",
		"number":  42,
		"null":    nil,
		"empty":   map[string]any{},
		"empties": map[string]any{"o": map[string]any{}, "a": []any{}, "n": []any{[]any{}, map[string]any{}}},
		"strings": []string{`{"quoted": [1, 2]}`, `back\slash`, "a\"b", `\`, "<&>", "tab\there", "ünï", "end\\", "line\u2028sep\u2029", "\x01ctl"},
		"floats":  []any{1e21, 1e-7, 0.1, 123456789.0, -0.0, float32(3.14)},
		"keys":    map[string]int{"b": 1, "a": 2, "<k>": 3, "ä": 4},
		"nested":  map[string]any{"list": []any{1, "two", map[string]any{"k": []any{true, false, nil}}}, "s": ":,{}[]"},
		"struct":  []inner{{A: "x", B: []int{1, 2}, C: map[string]any{"d": 1.5}, R: json.RawMessage(`{ "raw" : [ 1 , {} ] }`)}, {B: []int{}, Z: 3, F: true, P: &inner{A: "in"}, T: time.Date(2026, 12, 6, 21, 0, 0, 5, time.UTC), S: []string{}}},
	}
	pointed := map[string]any{"to": []any{"x", 1}}
	cases["pointer"] = &pointed
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := encodeJSON(&got, v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("encodeJSON =\n%s\nwant\n%s", got.String(), want.String())
			}
		})
	}
}

// TestEncodeJSONInvalidUTF8 checks that bytes that are not UTF-8 become
// U+FFFD, as encoding/json makes them: it writes the escape \ufffd where
// encodeJSON writes the character itself, which reads back the same.
func TestEncodeJSONInvalidUTF8(t *testing.T) {
	v := []string{"bad\xffutf8", "\xc3"}
	var old bytes.Buffer
	if err := json.NewEncoder(&old).Encode(v); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := encodeJSON(&got, v); err != nil {
		t.Fatal(err)
	}
	var a, b []string
	if err := json.Unmarshal(old.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got.Bytes(), &b); err != nil {
		t.Fatalf("encodeJSON wrote invalid JSON %q: %v", got.Bytes(), err)
	}
	if !slices.Equal(a, b) || b[0] != "bad\ufffdutf8" {
		t.Errorf("encodeJSON(%q) reads back as %q, encoding/json's as %q", v, b, a)
	}
}
