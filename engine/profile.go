package engine

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/profiler"
)

// Profile is where an evaluation spent its time: each stage, and each
// policy and clause rule with the evaluation work OPA counted for it (the
// figures `opa eval --profile` prints). A profiled run evaluates one rule
// at a time, so that each rule's time is its own.
type Profile struct {
	// Stages are the parts of Evaluate in the order they ran.
	Stages []Stage
	// Rules are the policies and clause rules, slowest first.
	Rules []RuleProfile
	// Idle are the policies left out as they read no fact of the run's
	// kinds (WithFactKinds), by id.
	Idle []string
}

// Stage is the time one part of a run took.
type Stage struct {
	Name string
	Time time.Duration
	// Concurrent is set for a stage that ran beside another; a stage
	// after them holds their combined wall time, so they do not add to
	// the run's total themselves.
	Concurrent bool
}

// RuleProfile is the cost of evaluating one policy or clause rule.
type RuleProfile struct {
	// ID is the policy id, or "clause " and the clause rule's id.
	ID   string
	File string
	Time time.Duration
	// Evals and Redos count the expressions OPA evaluated and re-evaluated
	// for the rule's query: the work, independent of the machine.
	Evals, Redos int
	// Exprs are the rule's expressions, the most expensive first.
	Exprs []ExprProfile
}

// ExprProfile is the cost of one expression of a policy.
type ExprProfile struct {
	// Location is FILE:LINE.
	Location     string
	Time         time.Duration
	Evals, Redos int
}

// recorder collects a profile while an evaluation runs.
type recorder struct {
	mu    sync.Mutex
	prof  Profile
	start time.Time
}

func newRecorder() *recorder { return &recorder{start: time.Now()} }

// stage ends the current stage, naming it.
func (r *recorder) stage(name string) {
	if r == nil {
		return
	}
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.prof.Stages = append(r.prof.Stages, Stage{Name: name, Time: now.Sub(r.start)})
	r.start = now
}

// rule records one rule's evaluation from its OPA profiler.
func (r *recorder) rule(id, file string, d time.Duration, p *profiler.Profiler) {
	rp := RuleProfile{ID: id, File: file, Time: d}
	stats := p.ReportTopNResults(0, []string{"total_time_ns", "num_eval", "num_redo", "file", "line"})
	rp.Exprs = make([]ExprProfile, 0, len(stats))
	for _, s := range stats {
		rp.Evals += s.NumEval
		rp.Redos += s.NumRedo
		loc := "?"
		if s.Location != nil {
			loc = fmt.Sprintf("%s:%d", s.Location.File, s.Location.Row)
		}
		rp.Exprs = append(rp.Exprs, ExprProfile{Location: loc, Time: time.Duration(s.ExprTimeNs), Evals: s.NumEval, Redos: s.NumRedo})
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.prof.Rules = append(r.prof.Rules, rp)
}

// profile returns the recorded profile with the rules slowest first.
func (r *recorder) profile() *Profile {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.prof
	p.Rules = slices.Clone(p.Rules)
	slices.SortFunc(p.Rules, func(a, b RuleProfile) int {
		return cmp.Or(cmp.Compare(b.Time, a.Time), cmp.Compare(a.ID, b.ID))
	})
	return &p
}

// Rule returns the profile of the policy or clause rule with the given id.
func (p *Profile) Rule(id string) (RuleProfile, bool) {
	for _, r := range p.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleProfile{}, false
}
