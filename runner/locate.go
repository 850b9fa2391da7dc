package runner

import (
	"path/filepath"
	"strings"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// Locator says where each finding is for the outputs that point at code
// (SARIF regions, the table's file:line). A finding about a resource of a
// plan is placed at the line of the resource's block in the Terraform
// source when that is known: the .tf files beside the plan (its directory
// and the local modules below it), else those of the run's one Terraform
// source (--tf); else at the resource's line and column in the plan JSON.
// Every other finding is placed at the source of its fact. The report
// itself keeps the facts' sources: this only moves what code scanning
// shows.
func (res *Result) Locator() output.Locator {
	beside := map[string]map[string]tfsource.Declaration{}
	for _, src := range res.Run.Project.Sources {
		if _, ok := src.Provider.(tfplan.Provider); ok {
			if _, done := beside[src.Path]; !done {
				beside[src.Path] = tfsource.Declarations(filepath.Dir(src.Path))
			}
		}
	}
	if len(beside) == 0 {
		return nil
	}
	given := sourceDeclarations(res.Facts)
	return func(f engine.Finding) output.Location {
		at := output.SourceLocation(f)
		if f.Source == nil || f.Source.Provider != tfplan.Name {
			return at
		}
		addr := f.Resource
		if f.Source.Scope != "" {
			addr = strings.TrimPrefix(addr, f.Source.Scope+facts.ScopeSeparator)
		}
		addr = tfplan.ConfigAddress(addr)
		if d, ok := beside[f.Source.File][addr]; ok {
			return output.Location{File: d.File, Line: d.Line}
		}
		if d, ok := given[addr]; ok {
			return output.Location{File: d.File, Line: d.Line}
		}
		return at
	}
}

// sourceDeclarations maps the configuration address of every resource
// the run's Terraform source gave to its declaration, when the run has
// one Terraform source root; with several, an address could be any
// root's, so none is used.
func sourceDeclarations(fs []facts.Fact) map[string]tfsource.Declaration {
	out := map[string]tfsource.Declaration{}
	scopes := map[string]bool{}
	for _, f := range fs {
		if f.Source.Provider != tfsource.Name || f.Kind != facts.KindResource || f.Source.Line == 0 {
			continue
		}
		scopes[f.Source.Scope] = true
		id := f.ID
		if f.Source.Scope != "" {
			id = strings.TrimPrefix(id, f.Source.Scope+facts.ScopeSeparator)
		}
		addr := tfplan.ConfigAddress(id)
		if _, seen := out[addr]; !seen {
			out[addr] = tfsource.Declaration{File: f.Source.File, Line: f.Source.Line}
		}
	}
	if len(scopes) > 1 {
		return nil
	}
	return out
}
