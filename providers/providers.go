// Package providers turns sources (plans, source trees, manifests, evidence
// records) into facts. Each source family is a subpackage; this package
// defines what a provider is, reads a run's sources with their
// diagnostics, and validates what they produced.
package providers

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/providers/facts"
)

// Provider collects facts from one source. It reports problems as
// diagnostics: warnings about what it could not judge, and errors that
// stopped it (each naming the file, and the line where known).
type Provider interface {
	Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics)
}

// Excluding is a provider that reads a directory and can pass over the
// files and directories below it that match --exclude globs
// (input.Excluded). WithExclude returns it set to do so.
type Excluding interface {
	Provider
	WithExclude(globs []string) Provider
}

// Timed is a provider whose output depends on the time the run is as of
// (an external provider is told it). AtTime returns it set for t.
type Timed interface {
	Provider
	AtTime(t time.Time) Provider
}

// Kinded is a provider that says which kinds of fact (facts.Kind...) it
// gives. Known before anything is read, they let the engine leave out the
// policies that read none of a run's kinds (engine.WithFactKinds); Collect
// holds each provider to what it declares.
type Kinded interface {
	Provider
	FactKinds() []string
}

// FactKinds returns the kinds of fact sources can give, sorted, and false
// when one of their providers does not declare its kinds (an external
// provider gives whatever its program chooses).
func FactKinds(sources []Source) ([]string, bool) {
	var kinds []string
	for _, s := range sources {
		k, ok := s.Provider.(Kinded)
		if !ok {
			return nil, false
		}
		kinds = append(kinds, k.FactKinds()...)
	}
	slices.Sort(kinds)
	return slices.Compact(kinds), true
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
	return collect(ctx, sources, MaxFactsBytes)
}

// MaxFactsBytes bounds the facts of one run, measured as compact JSON
// (facts.DocumentSize). Each input file has its own bound
// (input.DefaultMaxBytes), but a run reads many, and a small Terraform
// source can expand into many resources: beyond this the facts' documents
// and their evaluation would take several gigabytes, and the evidence
// bundle could not hold them (bundles.DefaultMaxEntryBytes).
const MaxFactsBytes = 384 << 20

func collect(ctx context.Context, sources []Source, maxBytes int64) ([]facts.Fact, diag.Diagnostics) {
	v, err := facts.NewValidator()
	if err != nil {
		return nil, diag.FromError(err, "annexa")
	}
	// Sources are read, and facts validated, on as many goroutines as
	// there are CPUs; the results are merged in the sources' order, so
	// the outcome does not depend on which finished first.
	workers := runtime.GOMAXPROCS(0)
	type result struct {
		facts   []facts.Fact
		diags   diag.Diagnostics
		invalid []error
		bytes   int64
	}
	results := make([]result, len(sources))
	parallel.ForEach(len(sources), workers, func(i int) {
		if ctx.Err() != nil {
			return
		}
		src := sources[i]
		fs, ds := src.Provider.Collect(ctx, src.Path)
		results[i] = result{facts: fs, diags: ds}
		if ds.HasErrors() {
			return
		}
		for j := range fs {
			fs[j].Qualify(src.Scope)
		}
		var kinds []string
		if k, ok := src.Provider.(Kinded); ok {
			kinds = k.FactKinds()
		}
		results[i].invalid, results[i].bytes = validate(v, fs, kinds, workers)
	})
	if err := ctx.Err(); err != nil {
		return nil, diag.FromError(err, "annexa")
	}
	var all []facts.Fact
	var ds diag.Diagnostics
	seen := map[string]string{}
	var total int64
	for i, src := range sources {
		r := results[i]
		ds = append(ds, r.diags...)
		if r.diags.HasErrors() {
			continue
		}
		if total += r.bytes; total > maxBytes {
			ds = append(ds, diag.Diagnostic{
				Severity: diag.Error, File: src.Path, Source: "annexa",
				Summary: fmt.Sprintf("the run's facts exceed %d MiB as JSON: this source adds %d MiB in %d facts", maxBytes>>20, r.bytes>>20, len(r.facts)),
				Detail:  "check the sources in parts (one plan or directory per run), or leave out what no policy reads",
			})
			break
		}
		for j := range r.facts {
			f := &r.facts[j]
			if err := r.invalid[j]; err != nil {
				ds = append(ds, diag.FromError(err, f.Source.Provider)...)
				continue
			}
			if prev, dup := seen[f.ID]; dup {
				ds = append(ds, diag.Diagnostic{
					Severity: diag.Error, File: f.Source.File, Line: f.Source.Line, Source: f.Source.Provider,
					Summary: fmt.Sprintf("fact %q is also produced by %s", f.ID, prev),
					Detail:  "give each source its own addresses, or name the same input once",
				})
				continue
			}
			seen[f.ID] = src.Path
		}
		if all == nil {
			// The facts of one source are not copied: on a large plan
			// that was a copy of every fact, its pages touched anew.
			all = slices.Clip(r.facts)
		} else {
			all = append(all, r.facts...)
		}
	}
	if ds.HasErrors() {
		return nil, ds
	}
	facts.Sort(all)
	return slices.Clip(all), ds
}

// validate checks every fact against the schema of its kind, and that its
// kind is one of kinds when they are given (Kinded), in chunks on up to
// workers goroutines, and returns each fact's error (nil when valid) and
// the size of their documents as JSON.
func validate(v *facts.Validator, fs []facts.Fact, kinds []string, workers int) ([]error, int64) {
	errs := make([]error, len(fs))
	var total atomic.Int64
	parallel.Chunks(len(fs), 256, workers, func(start, end int) {
		var n int64
		for i := start; i < end; i++ {
			if f := &fs[i]; kinds != nil && !slices.Contains(kinds, f.Kind) {
				// The engine may have left out the policies of an
				// undeclared kind: evaluating such a fact would judge
				// it with fewer policies than it has.
				errs[i] = fmt.Errorf("%s: fact %s is of kind %q, which its provider (%s) does not declare among %v; this is a bug in annexa", f.Source.File, f.ID, f.Kind, f.Source.Provider, kinds)
				continue
			}
			errs[i] = v.ValidateFact(&fs[i])
			n += fs[i].DocumentSize()
		}
		total.Add(n)
	})
	return errs, total.Load()
}
