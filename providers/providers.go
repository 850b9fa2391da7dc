// Package providers turns sources (plans, source trees, manifests, evidence
// records) into facts. Each source family is a subpackage; this package
// selects one by name and validates what it produced.
package providers

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Provider collects facts from one source.
type Provider interface {
	Collect(ctx context.Context, path string) ([]facts.Fact, error)
}

// Timed is a provider whose output depends on the time the run is as of
// (an external provider is told it). AtTime returns it set for t.
type Timed interface {
	Provider
	AtTime(t time.Time) Provider
}

// AtTime returns sources with every Timed provider set for t, so all
// sources of a run are read as of the time it is evaluated as of.
func AtTime(sources []Source, t time.Time) []Source {
	out := slices.Clone(sources)
	for i, s := range out {
		if tp, ok := s.Provider.(Timed); ok {
			out[i].Provider = tp.AtTime(t)
		}
	}
	return out
}

// Source is one input and the provider, configured for it, that reads it.
// The CLI and the project file build sources; providers with settings (the
// Terraform source provider's variables, an external provider's command)
// carry them in their own fields.
type Source struct {
	Path     string
	Provider Provider
}

// Collect reads every source, validates every fact against the schema of its
// kind, and returns all facts sorted by id. It stops at the first source
// that fails; the error names the file.
func Collect(ctx context.Context, sources []Source) ([]facts.Fact, error) {
	v, err := facts.NewValidator()
	if err != nil {
		return nil, err
	}
	var all []facts.Fact
	seen := map[string]string{}
	for _, src := range sources {
		fs, err := src.Provider.Collect(ctx, src.Path)
		if err != nil {
			return nil, err
		}
		for i := range fs {
			if err := v.Validate(fs[i].Document()); err != nil {
				return nil, err
			}
			if prev, dup := seen[fs[i].ID]; dup {
				return nil, fmt.Errorf("%s: fact %q is also produced by %s; give each source its own addresses", src.Path, fs[i].ID, prev)
			}
			seen[fs[i].ID] = src.Path
		}
		all = append(all, fs...)
	}
	facts.Sort(all)
	return slices.Clip(all), nil
}
