package facts

import (
	"encoding/json"
	"testing"
)

// TestDocumentSizeMatchesJSON: for values without characters JSON
// escapes, the size is within the separators of json.Marshal's length.
func TestDocumentSizeMatchesJSON(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"null", nil},
		{"string", "hello"},
		{"booleans", []any{true, false}},
		{"numbers", []any{float64(1.5), json.Number("42"), 7, int64(-3)}},
		{"nested", map[string]any{"a": map[string]any{"b": []any{"x", "y"}}, "c": []string{"d"}, "e": map[string]string{"f": "g"}}},
		{"empty", map[string]any{"m": map[string]any{}, "s": []any{}}},
		{"fact document", (&Fact{Kind: KindResource, ID: "aws_s3_bucket.b", Type: "aws_s3_bucket", Attributes: map[string]any{"bucket": "logs", "tags": map[string]any{"env": "prod"}}}).Document()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			got, want := DocumentSize(tt.v), int64(len(b))
			// Each map entry and element counts a separator, the last
			// one's included: at most a few bytes per container over.
			if got < want || got > want+16 {
				t.Errorf("DocumentSize = %d, json.Marshal gives %d bytes", got, want)
			}
		})
	}
}
