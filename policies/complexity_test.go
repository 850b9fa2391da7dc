package policies_test

import (
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
// facts and one four times larger. The evidence registers grow with it
// (60 people a 600-fact unit, one in 25 a leaver); at 600 facts a
// comparison of every leaver's asset with every leaver stayed under
// minWork, and at 1200 it grows 11.8 times.
const (
	guardFacts = 1200
	guardScale = 4
	// maxGrowth is how much more evaluation work a policy may do on the
	// larger project: a linear rule does about guardScale times the work, a
	// quadratic one about guardScale² times.
	maxGrowth = 5.0
	// minWork is the evaluation count below which growth is not judged:
	// a rule or expression evaluated a few hundred times is not slow.
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
// larger and fails, naming the rule and the expression, when the
// evaluation work OPA counts (expressions evaluated and re-evaluated, not
// time) grows more than maxGrowth times, for the rule as a whole or for
// any one of its expressions. Comparing expressions as well catches a
// quadratic part that is still small beside the rest of its rule at these
// sizes, such as a partial rule looked up by key inside a loop.
func TestPolicyWorkIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and evaluates two projects")
	}
	small, _ := profileProject(t, guardFacts)
	large, _ := profileProject(t, guardFacts*guardScale)
	var problems []string
	grew := func(s, l int) bool { return l >= minWork && float64(l) > maxGrowth*float64(max(s, 1)) }
	for _, l := range large.Rules {
		s, ok := small.Rule(l.ID)
		if !ok {
			t.Errorf("%s: evaluated on the larger project only", l.ID)
			continue
		}
		if sw, lw := s.Evals+s.Redos, l.Evals+l.Redos; grew(sw, lw) {
			problems = append(problems, fmt.Sprintf("%s: evaluation work grew %.1f× (%d → %d expression evaluations) when the facts grew %d×",
				l.ID, float64(lw)/float64(sw), sw, lw, guardScale))
		}
		before := map[string]int{}
		for _, e := range s.Exprs {
			before[e.Location] += e.Evals + e.Redos
		}
		after := map[string]int{}
		for _, e := range l.Exprs {
			after[e.Location] += e.Evals + e.Redos
		}
		for loc, lw := range after {
			if sw := before[loc]; grew(sw, lw) {
				problems = append(problems, fmt.Sprintf("%s: %s was evaluated %.1f× as often (%d → %d) when the facts grew %d×",
					l.ID, loc, float64(lw)/float64(max(sw, 1)), sw, lw, guardScale))
			}
		}
	}
	slices.Sort(problems)
	for _, p := range problems {
		t.Error(p)
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
