package accuracy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/runner"
)

// effectiveTime is the time every case is evaluated as of, so that a
// measurement does not depend on the day it is taken.
var effectiveTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Checker runs cases against one compiled engine, as `annexa check` would
// run them one at a time.
type Checker struct {
	eng *engine.Engine
	// Workers is how many cases run at once (default: the usable CPUs).
	Workers int
	// detector holds every policy by id: whether it judges only what it
	// reports (engine.Policy.Detector).
	detector map[string]bool
}

// NewChecker compiles the built-in policies and those of policyDirs once.
// Each case evaluates them one policy after another, cases side by side.
func NewChecker(ctx context.Context, policyDirs ...string) (*Checker, error) {
	eng, err := engine.New(ctx,
		engine.WithPolicyDirs(policyDirs...),
		engine.WithEffectiveTime(effectiveTime),
		engine.WithParallelism(1),
		engine.WithToolVersion("accuracy"))
	if err != nil {
		return nil, err
	}
	detector := map[string]bool{}
	for _, p := range eng.Policies() {
		detector[p.ID] = p.Detector
	}
	return &Checker{eng: eng, Workers: runtime.GOMAXPROCS(0), detector: detector}, nil
}

// Engine is the engine cases are evaluated with.
func (c *Checker) Engine() *engine.Engine { return c.eng }

// Outcome is what a case's policies did on it.
type Outcome struct {
	Case Case
	// Findings are the findings of the case's policies.
	Findings []engine.Finding
	// Assessed is, per policy of the case, the facts it judged together
	// with those its findings are about (engine.PolicyResult.Assessed).
	Assessed map[string]int
	// AssessedIDs are the facts the case's policies assessed.
	AssessedIDs []string
	// Detector is true when every policy of the case is a detector
	// (engine.Policy.Detector), which judges only what it reports; a good
	// case of it is not vacuous when it gave the detector facts to scan.
	Detector bool
	// Facts is the number of facts the case's input gave.
	Facts int
	// Err is a case that could not be run (an input error, an unknown
	// policy, a policy that failed to evaluate).
	Err error
}

// Fired reports whether a policy of the case had a finding.
func (o Outcome) Fired() bool { return len(o.Findings) > 0 }

// Judged reports whether a policy of the case judged anything.
func (o Outcome) Judged() bool {
	for _, n := range o.Assessed {
		if n > 0 {
			return true
		}
	}
	return false
}

// Verdict is how an outcome compares to its label.
type Verdict string

// Verdicts.
const (
	// Pass: a bad case with a finding, a good case judged without one.
	Pass Verdict = "pass"
	// Miss: a bad case without a finding of its policy.
	Miss Verdict = "miss"
	// FalsePositive: a good case with a finding of its policy.
	FalsePositive Verdict = "false positive"
	// Vacuous: a good case its policy judged nothing on.
	Vacuous Verdict = "vacuous"
	// Error: the case could not be run.
	Error Verdict = "error"
)

// Verdict judges the outcome against the case's label.
func (o Outcome) Verdict() Verdict {
	switch {
	case o.Err != nil:
		return Error
	case o.Case.Label == Bad && !o.Fired():
		return Miss
	case o.Case.Label == Good && o.Fired():
		return FalsePositive
	case o.Case.Label == Good && !o.Judged() && !(o.Detector && o.Facts > 0):
		return Vacuous
	}
	return Pass
}

// Run runs every case, Workers at a time; outcomes line up with cases.
func (c *Checker) Run(ctx context.Context, cases []Case) []Outcome {
	out := make([]Outcome, len(cases))
	parallel.ForEach(len(cases), c.Workers, func(i int) {
		out[i] = c.RunCase(ctx, cases[i])
	})
	return out
}

// RunCase runs one case the way `annexa check --FLAG VALUE` does: the
// runner resolves the flag into its source, collects the facts, and the
// engine evaluates them. A single .tf file is copied into a directory of
// its own first, since --tf reads a directory.
func (c *Checker) RunCase(ctx context.Context, cs Case) Outcome {
	o := Outcome{Case: cs, Assessed: map[string]int{}}
	for _, p := range cs.Policies {
		if _, ok := c.detector[p]; !ok {
			o.Err = fmt.Errorf("no policy %s: the directory names a policy by its id, the package path after annexa.controls.", p)
			return o
		}
	}
	value := cs.Value
	if cs.Flag == FlagTF && !cs.Dir {
		dir, err := os.MkdirTemp("", "annexa-accuracy-*")
		if err != nil {
			o.Err = err
			return o
		}
		defer os.RemoveAll(dir)
		data, err := os.ReadFile(cs.Path)
		if err != nil {
			o.Err = err
			return o
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(cs.Path)), data, 0o600); err != nil {
			o.Err = err
			return o
		}
		value = dir
	}
	res, facts, err := c.check(ctx, runner.FlagValue{Flag: cs.Flag, Value: value}, cs.Policies)
	if err != nil {
		o.Err = err
		return o
	}
	o.Facts = facts
	o.Detector = len(cs.Policies) > 0
	for _, p := range cs.Policies {
		o.Detector = o.Detector && c.detector[p]
		r := res[p]
		if r.Err != nil {
			o.Err = fmt.Errorf("policy %s failed to evaluate: %w", p, r.Err)
			return o
		}
		o.Findings = append(o.Findings, r.Findings...)
		o.Assessed[p] = len(r.Assessed)
		o.AssessedIDs = append(o.AssessedIDs, r.Assessed...)
	}
	return o
}

// check resolves one source flag and collects its facts as `annexa check`
// does (runner.Resolve, Run.Collect), then evaluates the given policies
// over them with the prepared queries a run uses; the roll-up, which says
// nothing about a policy's verdict, is left out.
func (c *Checker) check(ctx context.Context, fv runner.FlagValue, policies []string) (map[string]engine.PolicyOutcome, int, error) {
	run, err := runner.Resolve(runner.Inputs{
		Sources:       []runner.FlagValue{fv},
		EffectiveTime: effectiveTime,
		ToolVersion:   "accuracy",
	})
	if err != nil {
		return nil, 0, err
	}
	fs, _, err := run.Collect(ctx)
	if err != nil {
		return nil, 0, err
	}
	res, err := c.eng.EvaluatePolicies(ctx, fs, policies)
	return res, len(fs), err
}

// CheckPath evaluates one path with flag and returns the findings and the
// assessed count of policy, for tools built on the checker (the mutation
// test runs its mutants through it).
func (c *Checker) CheckPath(ctx context.Context, flag, path string, policies []string) Outcome {
	cs := Case{Policies: policies, Flag: flag, Value: path, Path: path, Dir: true}
	if flag != FlagTF {
		cs.Dir = false
	}
	return c.RunCase(ctx, cs)
}

// describe is a one-line account of an outcome for failure lists.
func (o Outcome) describe() string {
	switch o.Verdict() {
	case Error:
		return o.Err.Error()
	case Miss:
		if o.Judged() {
			return "no finding (the policy judged the case and found nothing wrong)"
		}
		return "no finding, and the policy judged nothing (a silent pass: an attribute it reads absent or unknown?)"
	case FalsePositive:
		msgs := make([]string, 0, len(o.Findings))
		for _, f := range o.Findings {
			msgs = append(msgs, fmt.Sprintf("%s: %s", f.Resource, f.Message))
		}
		slices.Sort(msgs)
		return "finding on a good case: " + strings.Join(msgs, "; ")
	case Vacuous:
		return "no finding, but the policy judged nothing: the case proves nothing"
	}
	return ""
}
