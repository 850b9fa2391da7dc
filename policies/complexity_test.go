package policies_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/benchgen"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/runner"
)

// The complexity guard sizes: a generated project of about guardFacts
// facts and one four times larger.
const (
	guardFacts = 600
	guardScale = 4
	// maxGrowth is how much more evaluation work a policy may do on the
	// larger project: a linear rule does about guardScale times the work, a
	// quadratic one about guardScale² times.
	maxGrowth = 5.0
	// minWork is the evaluation count below which growth is not judged:
	// a rule that evaluates a handful of expressions is not slow.
	minWork = 400
)

// profileProject generates a project of about n facts, evaluates it with
// the built-in policies under the profiler, and returns the profile with
// the facts collected.
func profileProject(t *testing.T, n int) (*engine.Profile, []facts.Fact) {
	t.Helper()
	dir := t.TempDir()
	if _, err := benchgen.Write(dir, benchgen.Options{Facts: n, Testdata: "../testdata"}); err != nil {
		t.Fatal(err)
	}
	run, err := runner.Resolve(runner.Inputs{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	fs, ds, err := run.Collect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), engine.WithProfiling(), engine.WithEffectiveTime(run.At))
	if err != nil {
		t.Fatal(err)
	}
	r, err := runner.Evaluate(context.Background(), eng, fs, ds)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.EvaluationError(); err != nil {
		t.Fatal(err)
	}
	return r.Profile, fs
}

// TestPolicyWorkIsLinear is the complexity guard: it evaluates every
// policy and clause rule on a generated project and on one four times
// larger and fails, naming the rule and its most evaluated expression,
// when the evaluation work OPA counts (expressions evaluated and
// re-evaluated, not time) grows more than maxGrowth times. A rule that
// loops over facts inside a loop over facts fails here long before a
// user's large plan meets its time limit.
func TestPolicyWorkIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and evaluates two projects")
	}
	small, _ := profileProject(t, guardFacts)
	large, _ := profileProject(t, guardFacts*guardScale)
	type growth struct {
		id          string
		small, large int
		hot         string
	}
	var grew []growth
	for _, l := range large.Rules {
		s, ok := small.Rule(l.ID)
		if !ok {
			t.Errorf("%s: evaluated on the larger project only", l.ID)
			continue
		}
		sw, lw := s.Evals+s.Redos, l.Evals+l.Redos
		if lw < minWork || float64(lw) <= maxGrowth*float64(max(sw, 1)) {
			continue
		}
		hot := ""
		if len(l.Hot) > 0 {
			hot = fmt.Sprintf("%s (%d evaluations)", l.Hot[0].Location, l.Hot[0].Evals)
		}
		grew = append(grew, growth{l.ID, sw, lw, hot})
	}
	slices.SortFunc(grew, func(a, b growth) int { return cmp.Compare(a.id, b.id) })
	for _, g := range grew {
		t.Errorf("%s: evaluation work grew %.1f× (%d → %d expression evaluations) when the facts grew %d×; busiest expression %s",
			g.id, float64(g.large)/float64(g.small), g.small, g.large, guardScale, g.hot)
	}
}

// TestGeneratedProjectFeedsEveryPolicy checks that the generated project
// the benchmarks and the complexity guard use holds facts of a kind and
// type every built-in policy reads, so that none of them is measured idle.
func TestGeneratedProjectFeedsEveryPolicy(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and evaluates a project")
	}
	_, fs := profileProject(t, guardFacts)
	have := map[string]bool{}
	for _, f := range fs {
		have[f.Kind] = true
		have[f.Kind+":"+f.Type] = true
		if f.Kind == facts.KindResource && f.Mode == facts.ModeData {
			have["data"], have["data:"+f.Type] = true, true
		}
	}
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range e.Policies() {
		if !slices.ContainsFunc(p.Inputs, func(in string) bool { return have[in] }) {
			t.Errorf("%s: the generated project holds none of its inputs %v", p.ID, p.Inputs)
		}
	}
}
