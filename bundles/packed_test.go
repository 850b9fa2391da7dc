package bundles

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

// TestEncodeFactsMatchesWholeDocument: facts.json rendered one fact at a
// time, compressed, reads back byte for byte as the whole sorted slice
// encoded at once would be, with the size and digest of those bytes.
func TestEncodeFactsMatchesWholeDocument(t *testing.T) {
	plan, err := diag.AsError(tfplan.Provider{}.Collect(context.Background(), testPlan))
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(plan)
	slices.Reverse(reversed)
	marked := []facts.Fact{{
		ID: "b<&>", Kind: facts.KindResource, Type: "x",
		Source:     facts.Source{Provider: "test", File: "a.json"},
		Attributes: map[string]any{"html": "<script>&amp;</script>", "nested": map[string]any{"list": []any{1.5, "\u2028", nil}}},
	}, {ID: "a", Kind: facts.KindResource, Type: "x", Source: facts.Source{Provider: "test", File: "a.json"}}}
	// A file name need not be UTF-8: facts.json has encoding/json's
	// \ufffd for what is not, and U+FFFD itself as it is.
	replaced := []facts.Fact{{
		ID: "c", Kind: facts.KindResource, Type: "x",
		Source:     facts.Source{Provider: "test", File: "bad\xffname.json"},
		Attributes: map[string]any{"s": "\xc3", "t": "\ufffd"},
	}, {ID: "d", Kind: facts.KindResource, Type: "x", Source: facts.Source{Provider: "test", File: "\ufffd.json"}}}
	// The plan's numbers are encoding/json Numbers, written as numbers.
	numbers := []facts.Fact{{
		ID: "n", Kind: facts.KindResource, Type: "x", Source: facts.Source{Provider: "test", File: "a.json"},
		Attributes: map[string]any{"big": json.Number("1e400"), "neg": json.Number("-0.5"), "empty": json.Number(""), "list": []any{json.Number("3"), map[string]any{"n": json.Number("12345678901234567890")}}},
	}}
	tests := []struct {
		name string
		fs   []facts.Fact
	}{
		{"none", nil},
		{"plan", plan},
		{"plan, unsorted", reversed},
		{"characters JSON may escape", marked},
		{"invalid UTF-8 and U+FFFD", replaced},
		{"numbers", numbers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sorted := slices.Clone(tt.fs)
			facts.Sort(sorted)
			if sorted == nil {
				sorted = []facts.Fact{}
			}
			want, err := encodeJSON(sorted)
			if err != nil {
				t.Fatal(err)
			}
			p, err := EncodeFacts(tt.fs)
			if err != nil {
				t.Fatal(err)
			}
			r := p.open()
			got, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("packed facts.json differs from the document encoded whole:\n got %.300q\nwant %.300q", got, want)
			}
			f := archiveFile{path: FileFacts, packed: p}
			if wantInfo := fileInfo(FileFacts, want); f.info() != wantInfo {
				t.Errorf("info %+v, want %+v", f.info(), wantInfo)
			}
			if len(tt.fs) > 100 && int64(len(p.compressed))*4 > p.Size() {
				t.Errorf("held %d bytes compressed for %d, expected under a quarter", len(p.compressed), p.Size())
			}
		})
	}
}
