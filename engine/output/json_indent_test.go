package output

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestEncodeJSONMatchesEncoderIndent checks that indenting as the JSON is
// written gives the bytes json.Encoder's own indentation gives.
func TestEncodeJSONMatchesEncoderIndent(t *testing.T) {
	type inner struct {
		A string          `json:"a"`
		B []int           `json:"b"`
		C map[string]any  `json:"c,omitempty"`
		R json.RawMessage `json:"r,omitempty"`
	}
	cases := map[string]any{
		"scalar":  "x",
		"number":  42,
		"null":    nil,
		"empty":   map[string]any{},
		"empties": map[string]any{"o": map[string]any{}, "a": []any{}, "n": []any{[]any{}, map[string]any{}}},
		"strings": []string{`{"quoted": [1, 2]}`, `back\slash`, "a\"b", `\`, "<&>", "tab\there", "ünï", "end\\"},
		"nested":  map[string]any{"list": []any{1, "two", map[string]any{"k": []any{true, false, nil}}}, "s": ":,{}[]"},
		"struct":  []inner{{A: "x", B: []int{1, 2}, C: map[string]any{"d": 1.5}, R: json.RawMessage(`{ "raw" : [ 1 , {} ] }`)}, {B: []int{}}},
	}
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
