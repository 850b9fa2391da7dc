package engine

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Selection narrows a run to some controls and policies, by glob patterns
// (path.Match syntax: `8.2*`, `c8_24.*`). An empty list selects all; a
// skip pattern wins over a selecting one. A control the selection leaves
// out is not assessed, never passed, whatever its policies would find;
// the policies left out are not evaluated. Clause rules and the policies
// over the residual risks always run, on the controls as selected.
type Selection struct {
	// Policies and SkipPolicies match policy ids (c8_24.aws_ebs).
	Policies     []string `json:"policies,omitempty"`
	SkipPolicies []string `json:"skip_policies,omitempty"`
	// Controls and SkipControls match Annex A control ids (8.24); a
	// leading "A." is ignored.
	Controls     []string `json:"controls,omitempty"`
	SkipControls []string `json:"skip_controls,omitempty"`
	// Exclude are the --exclude globs: the files and directories of the
	// inputs the run passed over. A replay reads the recorded facts, so it
	// only records them again.
	Exclude []string `json:"exclude,omitempty"`
	// Severity is --severity: the table and SARIF list only the findings at or
	// above it. Every finding is still evaluated, counted in the summary
	// and kept in the JSON report and the evidence bundle, and the gate
	// (--fail-on) is decided on all of them.
	Severity Severity `json:"severity,omitempty"`
}

// Empty reports whether s selects everything.
func (s *Selection) Empty() bool {
	return s == nil || len(s.Policies)+len(s.SkipPolicies)+len(s.Controls)+len(s.SkipControls)+len(s.Exclude) == 0 && s.Severity == ""
}

// NarrowsControls reports whether s leaves out controls or policies, so
// that some controls are not assessed because of it.
func (s *Selection) NarrowsControls() bool {
	return s != nil && len(s.Policies)+len(s.SkipPolicies)+len(s.Controls)+len(s.SkipControls) > 0
}

// Shows reports whether a finding of severity sev is listed in the
// outputs: it is at or above s.Severity (every finding when s is nil or
// has no severity).
func (s *Selection) Shows(sev Severity) bool {
	return s == nil || s.Severity == "" || sev.Rank() >= s.Severity.Rank()
}

// normalized returns s with control patterns written without "A." and
// the lists sorted and without repeats, as a report records them.
func (s Selection) normalized() Selection {
	clean := func(pats []string, control bool) []string {
		var out []string
		for _, p := range pats {
			p = strings.TrimSpace(p)
			if control {
				p = strings.TrimPrefix(strings.TrimPrefix(p, "A."), "a.")
			}
			if p != "" {
				out = append(out, p)
			}
		}
		return slices.Compact(slices.Sorted(slices.Values(out)))
	}
	return Selection{
		Policies: clean(s.Policies, false), SkipPolicies: clean(s.SkipPolicies, false),
		Controls: clean(s.Controls, true), SkipControls: clean(s.SkipControls, true),
		Exclude: clean(s.Exclude, false), Severity: s.Severity,
	}
}

// matchAny reports whether name matches one of pats; pats are checked
// (checkPatterns) before use.
func matchAny(pats []string, name string) bool {
	for _, p := range pats {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

func selected(include, skip []string, name string) bool {
	return (len(include) == 0 || matchAny(include, name)) && !matchAny(skip, name)
}

// control reports whether the control id is selected.
func (s *Selection) control(id string) bool {
	return s == nil || selected(s.Controls, s.SkipControls, id)
}

// policy reports whether the control policy p is evaluated: its id is
// selected and so is one of its controls.
func (s *Selection) policy(p *Policy) bool {
	if s == nil {
		return true
	}
	if !selected(s.Policies, s.SkipPolicies, p.ID) {
		return false
	}
	return len(p.Controls) == 0 || slices.ContainsFunc(p.Controls, s.control)
}

// check refuses a pattern that is not a valid glob, and one that matches
// no policy or control: a typo must not quietly select nothing, or skip
// nothing, and let a gate pass.
func (s *Selection) check(pols []*Policy, controls []string) error {
	var errs []error
	var ids []string
	for _, p := range pols {
		if !p.AfterRollUp() {
			ids = append(ids, p.ID)
		}
	}
	for _, list := range []struct {
		flag, what string
		pats       []string
		names      []string
	}{
		{"policy-id", "policy id", s.Policies, ids}, {"skip-policy", "policy id", s.SkipPolicies, ids},
		{"control", "Annex A control id", s.Controls, controls}, {"skip-control", "Annex A control id", s.SkipControls, controls},
	} {
		for _, p := range list.pats {
			if _, err := path.Match(p, ""); err != nil {
				errs = append(errs, fmt.Errorf("--%s %q: %w", list.flag, p, err))
				continue
			}
			if !slices.ContainsFunc(list.names, func(n string) bool { return matchAny([]string{p}, n) }) {
				errs = append(errs, fmt.Errorf("--%s %q matches no %s", list.flag, p, list.what))
			}
		}
	}
	if s.Severity != "" && s.Severity.Rank() == 0 {
		errs = append(errs, fmt.Errorf("--severity %q is not one of low, medium, high, critical", s.Severity))
	}
	return errors.Join(errs...)
}

// leftOut is in the reason of every control not assessed because of the
// selection: the control, or every policy of it, was left out.
const leftOut = "left out of this run by the selection"

// LeftOutBySelection reports whether c is not assessed because the run's
// selection left it, or all its policies, out.
func (c ControlResult) LeftOutBySelection() bool {
	return c.Status == StatusNotAssessed && strings.Contains(c.Reason, leftOut)
}

// reason says why a control the selection leaves out is not assessed.
func (s *Selection) reason() string {
	var parts []string
	if len(s.Controls) > 0 {
		parts = append(parts, "--control "+strings.Join(s.Controls, ","))
	}
	if len(s.SkipControls) > 0 {
		parts = append(parts, "--skip-control "+strings.Join(s.SkipControls, ","))
	}
	return leftOut + " (" + strings.Join(parts, " ") + ")"
}
