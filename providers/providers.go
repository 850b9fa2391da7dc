// Package providers turns sources (plans, source trees, manifests, evidence
// records) into facts. Each source family is a subpackage; this package
// defines what a provider is, reads a run's sources with their
// diagnostics, and validates what they produced.
package providers

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

// Provider collects facts from one source. It reports problems as
// diagnostics: warnings about what it could not judge, and errors that
// stopped it (each naming the file, and the line where known).
type Provider interface {
	Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics)
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
// The runner builds sources from the command line and the project file;
// providers with settings (the Terraform source provider's variables, an
// external provider's command) carry them in their own fields.
type Source struct {
	Path     string
	Provider Provider
	// Space is the address space of the source's fact ids (see package
	// registry), "" when its ids are unique across a run by nature.
	Space string
	// Scope qualifies the ids of the source's facts (facts.Fact.Qualify)
	// when another source of the run shares their address space; "" keeps
	// them as the provider made them.
	Scope string
}

// Collect reads every source, even after one fails, qualifies the facts
// of scoped sources, validates every fact against the schema of its kind,
// and returns all facts sorted by id with every source's diagnostics. When
// the diagnostics hold an error the facts are incomplete and must not be
// evaluated.
func Collect(ctx context.Context, sources []Source) ([]facts.Fact, diag.Diagnostics) {
	v, err := facts.NewValidator()
	if err != nil {
		return nil, diag.FromError(err, "annexa")
	}
	var all []facts.Fact
	var ds diag.Diagnostics
	seen := map[string]string{}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return nil, append(ds, diag.FromError(err, "annexa")...)
		}
		fs, srcDiags := src.Provider.Collect(ctx, src.Path)
		ds = append(ds, srcDiags...)
		if srcDiags.HasErrors() {
			continue
		}
		for i := range fs {
			fs[i].Qualify(src.Scope)
			if err := v.Validate(fs[i].Document()); err != nil {
				ds = append(ds, diag.FromError(err, fs[i].Source.Provider)...)
				continue
			}
			if prev, dup := seen[fs[i].ID]; dup {
				ds = append(ds, diag.Diagnostic{
					Severity: diag.Error, File: fs[i].Source.File, Line: fs[i].Source.Line, Source: fs[i].Source.Provider,
					Summary: fmt.Sprintf("fact %q is also produced by %s", fs[i].ID, prev),
					Detail:  "give each source its own addresses, or name the same input once",
				})
				continue
			}
			seen[fs[i].ID] = src.Path
		}
		all = append(all, fs...)
	}
	if ds.HasErrors() {
		return nil, ds
	}
	facts.Sort(all)
	return slices.Clip(all), ds
}
