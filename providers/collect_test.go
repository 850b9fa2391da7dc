package providers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

// manyResources is a provider that makes n resource facts, each with a
// string attribute of size bytes.
type manyResources struct{ n, size int }

func (m manyResources) Collect(_ context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	out := make([]facts.Fact, m.n)
	for i := range out {
		out[i] = facts.Fact{
			Kind: facts.KindResource, Type: "aws_s3_bucket", Name: fmt.Sprintf("b%d", i), Mode: facts.ModeManaged,
			BaseAddress: fmt.Sprintf("aws_s3_bucket.b%d", i),
			ID:          fmt.Sprintf("%s.aws_s3_bucket.b%d", path, i),
			Source:      facts.Source{Provider: "test", File: path},
			Attributes:  map[string]any{"bucket": strings.Repeat("x", m.size)},
		}
	}
	return out, nil
}

// TestRunFactsAreBounded: the facts of a run are bounded as a whole, not
// only per file; the source that crosses the bound is named, and no facts
// are returned.
func TestRunFactsAreBounded(t *testing.T) {
	const limit = 1 << 20
	tests := []struct {
		name    string
		sources []Source
		wantErr string
	}{
		{"within", []Source{{Path: "a", Provider: manyResources{100, 1000}}, {Path: "b", Provider: manyResources{100, 1000}}}, ""},
		{"one source over", []Source{{Path: "big", Provider: manyResources{1, 2 << 20}}}, "big: the run's facts exceed 1 MiB"},
		{"together over", []Source{{Path: "a", Provider: manyResources{600, 1000}}, {Path: "b", Provider: manyResources{600, 1000}}}, "b: the run's facts exceed 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, ds := collect(context.Background(), tt.sources, limit)
			if tt.wantErr == "" {
				if ds.HasErrors() || len(fs) == 0 {
					t.Fatalf("got %d facts, diagnostics %v", len(fs), ds)
				}
				return
			}
			if !ds.HasErrors() || fs != nil {
				t.Fatalf("got %d facts and no error", len(fs))
			}
			if got := ds.Err().Error(); !strings.Contains(got, tt.wantErr) {
				t.Errorf("error %q does not contain %q", got, tt.wantErr)
			}
		})
	}
}
