package engine

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/annexa-dev/annexa/policies"
)

// TestOptions selects which Rego tests RunPolicyTests runs.
type TestOptions struct {
	// Dirs are policy directories to test; when empty, the built-in
	// policies are tested. The built-in library is always loaded, but with
	// Dirs only their tests run.
	Dirs []string
	// Run is a regular expression selecting tests by name ("" runs all).
	Run string
	// Timeout bounds each test (default 10s).
	Timeout time.Duration
}

// RunPolicyTests runs the Rego tests (test_* rules) with OPA's tester,
// compiled against the same sandbox capabilities as evaluation. Results are
// sorted by package and test name.
func RunPolicyTests(ctx context.Context, opts TestOptions) ([]*tester.Result, error) {
	var sources []PolicySource
	for _, d := range opts.Dirs {
		sources = append(sources, DirSource(d))
	}
	loaded, err := loadAllModules(builtinSource(policies.FS), len(opts.Dirs) == 0, sources, true)
	if err != nil {
		return nil, err
	}
	mods := loaded.modules
	timeout := cmp.Or(opts.Timeout, 10*time.Second)
	compiler := ast.NewCompiler().
		WithCapabilities(SandboxCapabilities()).
		WithEnablePrintStatements(true).
		WithStageAfterID(ast.StageRewriteExprTerms, localTimeStage)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(mods).
		SetTimeout(timeout).
		Filter(opts.Run).
		CapturePrintOutput(true).
		RaiseBuiltinErrors(true).
		RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("compile policy tests: %w", err)
	}
	var results []*tester.Result
	for r := range ch {
		// With directories, the built-in library's own tests still compile
		// (the directories' policies import it) but are not what was asked
		// for.
		if len(opts.Dirs) > 0 && r.Location != nil && loaded.builtin[r.Location.File] {
			continue
		}
		results = append(results, r)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(results, func(a, b *tester.Result) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Name, b.Name))
	})
	return results, nil
}
