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

// declaring gives what inner gives but declares kinds (Kinded).
type declaring struct {
	inner Provider
	kinds []string
}

func (d declaring) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	return d.inner.Collect(ctx, path)
}

func (d declaring) FactKinds() []string { return d.kinds }

// TestProvidersKeepToTheirKinds: the kinds of a run are known only when
// every provider declares its own, and a provider that gives a fact of a
// kind it did not declare fails the run, naming the fact, since the
// engine may have left out the policies that would judge it.
func TestProvidersKeepToTheirKinds(t *testing.T) {
	resources := declaring{manyResources{2, 10}, []string{facts.KindResource}}
	evidence := declaring{manyResources{2, 10}, []string{facts.KindEvidence}}
	tests := []struct {
		name      string
		sources   []Source
		wantKinds []string
		known     bool
		wantErr   string
	}{
		{"declared", []Source{{Path: "a", Provider: resources}, {Path: "b", Provider: declaring{manyResources{0, 0}, []string{facts.KindEvidence, facts.KindResource}}}},
			[]string{facts.KindEvidence, facts.KindResource}, true, ""},
		{"one undeclared", []Source{{Path: "a", Provider: resources}, {Path: "b", Provider: manyResources{2, 10}}}, nil, false, ""},
		{"a fact of another kind", []Source{{Path: "ev", Provider: evidence}}, []string{facts.KindEvidence}, true,
			`ev: fact ev.aws_s3_bucket.b0 is of kind "resource", which its provider (test) does not declare among [evidence]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kinds, known := FactKinds(tt.sources)
			if known != tt.known || fmt.Sprint(kinds) != fmt.Sprint(tt.wantKinds) {
				t.Errorf("FactKinds = %v, %v; want %v, %v", kinds, known, tt.wantKinds, tt.known)
			}
			fs, ds := Collect(context.Background(), tt.sources)
			if tt.wantErr == "" {
				if ds.HasErrors() {
					t.Fatalf("got %v", ds)
				}
				return
			}
			if fs != nil || !ds.HasErrors() || !strings.Contains(ds.Err().Error(), tt.wantErr) {
				t.Errorf("got %d facts, %v; want an error containing %q", len(fs), ds.Err(), tt.wantErr)
			}
		})
	}
}
