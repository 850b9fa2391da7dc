package policies_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/benchgen"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/runner"
)

// collectedKinds are the kinds of fact a source collects, as opposed to
// the declarations engine.WithFactKinds always allows.
var collectedKinds = []string{facts.KindConfig, facts.KindEvidence, facts.KindKubernetes, facts.KindResource}

// TestIdlePoliciesChangeNothing holds the built-in policies to what
// engine.WithFactKinds assumes of them: a policy given no fact of its
// inputs' kinds finds nothing and assesses nothing, so leaving it out
// changes no report. For every combination of the kinds a source
// collects, it evaluates the generated project's facts of those kinds
// (every policy's inputs are among them, TestGeneratedProjectFeedsEveryPolicy)
// with every policy and with the policies of the other kinds left out,
// and requires the same report.
func TestIdlePoliciesChangeNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a project and evaluates it 30 times")
	}
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := benchgen.Write(dir, benchgen.Options{Facts: 600, Testdata: "../testdata"}); err != nil {
		t.Fatal(err)
	}
	run, err := runner.Resolve(runner.Inputs{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	all, _, err := run.Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	full, err := engine.New(ctx, engine.WithEffectiveTime(run.At))
	if err != nil {
		t.Fatal(err)
	}
	leftOut := map[string]bool{}
	for mask := 1; mask < 1<<len(collectedKinds); mask++ {
		var kinds []string
		for i, k := range collectedKinds {
			if mask&(1<<i) != 0 {
				kinds = append(kinds, k)
			}
		}
		t.Run(strings.Join(kinds, "+"), func(t *testing.T) {
			fs := slices.DeleteFunc(slices.Clone(all), func(f facts.Fact) bool {
				return slices.Contains(collectedKinds, f.Kind) && !slices.Contains(kinds, f.Kind)
			})
			narrow, err := engine.New(ctx, engine.WithEffectiveTime(run.At), engine.WithFactKinds(kinds...))
			if err != nil {
				t.Fatal(err)
			}
			idle := narrow.IdlePolicies()
			for _, id := range idle {
				leftOut[id] = true
			}
			want, got := reportJSON(t, full, fs), reportJSON(t, narrow, fs)
			if !bytes.Equal(want, got) {
				t.Errorf("leaving out the %d policies that read none of %v changed the report:\n%s", len(idle), kinds, firstDifference(want, got))
			}
		})
	}
	// Every policy that reads only collected kinds is left out by some
	// combination, so none escapes the comparison.
	for _, p := range full.Policies() {
		reads := func(in string) bool {
			kind, _, _ := strings.Cut(in, ":")
			return slices.Contains(collectedKinds, kind)
		}
		if !p.AfterRollUp() && len(p.Inputs) > 0 && slices.ContainsFunc(p.Inputs, reads) && !leftOut[p.ID] {
			t.Errorf("%s (inputs %v) was never left out", p.ID, p.Inputs)
		}
	}
}

func reportJSON(t *testing.T, e *engine.Engine, fs []facts.Fact) []byte {
	t.Helper()
	r, err := runner.Evaluate(context.Background(), e, fs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.EvaluationError(); err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDifference shows the lines around the first line where a and b
// differ.
func firstDifference(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d\nwith every policy:\n%s\nwith the idle left out:\n%s",
				i+1, strings.Join(al[lo:min(len(al), i+4)], "\n"), strings.Join(bl[lo:min(len(bl), i+4)], "\n"))
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}
