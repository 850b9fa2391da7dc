package engine

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Gate decides whether a run fails, the one decision behind the exit code
// of `annexa check`, the gate line of the table and the failures of JUnit:
// a finding gates the run when it is at or above FailOn, no waiver waives
// it and, with a Baseline, the baseline does not hold it; with a baseline
// and FailOnRegression, so does a control that passed in the baseline and
// fails now.
type Gate struct {
	// FailOn is the lowest severity that gates; "" gates on no finding
	// (--fail-on none).
	FailOn Severity
	// Baseline is a previous run the findings are compared with; nil
	// gates on every finding.
	Baseline *Baseline
	// FailOnRegression fails the run on every control that regressed from
	// pass to fail since the baseline, whatever its findings' severity.
	FailOnRegression bool
}

// Baseline is what a previous run recorded: its findings, matched to the
// current run's by fingerprint, and its control statuses.
type Baseline struct {
	// File is the report or bundle the baseline was read from.
	File     string
	Findings []Finding
	Controls map[string]Status
}

// Verdict is a gate's decision over one report.
type Verdict struct {
	// Failed is whether the run fails the gate (exit code 1).
	Failed bool
	// Gating is, for each of the report's findings in order, whether it
	// gates the run.
	Gating []bool
	// Counts of the report's findings that gate, that are waived, that
	// are below FailOn, and (with a baseline) that the baseline holds.
	Gates, Waived, Below, Known int
	// Baseline is the comparison with the baseline, nil without one.
	Baseline *BaselineResult
}

// BaselineResult is how a run compares with its baseline.
type BaselineResult struct {
	// File is the report or bundle the baseline was read from.
	File string `json:"file"`
	// New counts the findings the baseline does not hold, Known those it
	// does.
	New   int `json:"new"`
	Known int `json:"known"`
	// Fixed are the baseline's findings the run no longer has.
	Fixed []Finding `json:"fixed"`
	// Regressed are the controls that passed in the baseline and fail now.
	Regressed []string `json:"regressed"`
}

// Decide applies the gate to r.
func (g Gate) Decide(r *Report) Verdict {
	v := Verdict{Gating: make([]bool, len(r.Findings))}
	var known map[string]int
	if g.Baseline != nil {
		known = map[string]int{}
		for _, f := range g.Baseline.Findings {
			known[fingerprintOf(f)]++
		}
		v.Baseline = &BaselineResult{File: g.Baseline.File, Fixed: []Finding{}, Regressed: []string{}}
	}
	// A fingerprint the baseline holds n times covers the first n findings
	// that have it; the others are new.
	seen := map[string]int{}
	for i, f := range r.Findings {
		fp := fingerprintOf(f)
		seen[fp]++
		inBaseline := known != nil && seen[fp] <= known[fp]
		if known != nil {
			if inBaseline {
				v.Baseline.Known++
			} else {
				v.Baseline.New++
			}
		}
		switch {
		case f.Waived():
			v.Waived++
		case g.FailOn == "" || f.Severity.Rank() < g.FailOn.Rank():
			v.Below++
		case inBaseline:
			v.Known++
		default:
			v.Gating[i] = true
			v.Gates++
		}
	}
	if g.Baseline != nil {
		for _, f := range g.Baseline.Findings {
			fp := fingerprintOf(f)
			if seen[fp] > 0 {
				seen[fp]--
				continue
			}
			v.Baseline.Fixed = append(v.Baseline.Fixed, f)
		}
		sortFindings(v.Baseline.Fixed)
		for _, c := range r.Controls {
			if c.Status == StatusFail && g.Baseline.Controls[c.ID] == StatusPass {
				v.Baseline.Regressed = append(v.Baseline.Regressed, c.ID)
			}
		}
	}
	v.Failed = v.Gates > 0 || (g.FailOnRegression && v.Baseline != nil && len(v.Baseline.Regressed) > 0)
	return v
}

// Summary says in one line what the gate decided and why.
func (v Verdict) Summary(g Gate) string {
	threshold := "no finding (--fail-on none)"
	if g.FailOn != "" {
		threshold = fmt.Sprintf("findings at or above %s", g.FailOn)
	}
	verdict := "PASS"
	if v.Failed {
		verdict = "FAIL"
	}
	s := fmt.Sprintf("gate: %s on %s: %d gating", verdict, threshold, v.Gates)
	var parts []string
	if v.Waived > 0 {
		parts = append(parts, fmt.Sprintf("%d waived", v.Waived))
	}
	if v.Below > 0 {
		parts = append(parts, fmt.Sprintf("%d below the threshold", v.Below))
	}
	if v.Known > 0 {
		parts = append(parts, fmt.Sprintf("%d in the baseline", v.Known))
	}
	if len(parts) > 0 {
		s += ", " + strings.Join(parts, ", ")
	}
	if b := v.Baseline; b != nil {
		s += fmt.Sprintf("; against baseline %s: %d new, %d fixed, %d control(s) regressed from pass to fail", b.File, b.New, len(b.Fixed), len(b.Regressed))
		if len(b.Regressed) > 0 {
			s += " (" + strings.Join(b.Regressed, ", ") + ")"
			if !g.FailOnRegression {
				s += ", not gating (--fail-on-regression=false)"
			}
		}
	}
	return s
}

// fingerprintOf is f's fingerprint, computed for a finding of a report
// made before findings recorded one.
func fingerprintOf(f Finding) string {
	return cmp.Or(f.Fingerprint, Fingerprint(f.Policy, f.Resource, f.Message))
}

// NewBaseline makes a baseline of a previous run's report.
func NewBaseline(file string, r *Report) *Baseline {
	b := &Baseline{File: file, Findings: slices.Clone(r.Findings), Controls: map[string]Status{}}
	for _, c := range r.Controls {
		b.Controls[c.ID] = c.Status
	}
	return b
}
