package engine

import "fmt"

// Exit codes of a gated run: ExitPass when no finding is at or above the
// threshold, ExitFail when one is, ExitError when a control or clause
// could not be evaluated (the run proves nothing either way).
const (
	ExitPass  = 0
	ExitFail  = 1
	ExitError = 2
)

// GateNone is the --fail-on value that never fails on findings.
const GateNone Severity = "none"

// GateDecision is the outcome of gating a report on a severity: the exit
// code and the sentence saying why, as the table's last line prints it.
type GateDecision struct {
	Code int
	// Failing counts the findings at or above the threshold.
	Failing int
	// Reason explains the code: "exit 1: 3 findings at or above high
	// (--fail-on high)".
	Reason string
}

// Gate decides a run's exit code from its report and the --fail-on
// threshold (GateNone: findings never fail the run). It is the one place
// that decides which findings fail a run: an evaluation error comes
// first, then every finding at or above the threshold counts.
func Gate(r *Report, threshold Severity) GateDecision {
	if err := r.EvaluationError(); err != nil {
		return GateDecision{Code: ExitError, Reason: fmt.Sprintf("exit %d: %v", ExitError, err)}
	}
	if threshold == GateNone {
		return GateDecision{Code: ExitPass, Reason: fmt.Sprintf("exit %d: %s, and --fail-on none fails on none", ExitPass, plural(len(r.Findings), "finding"))}
	}
	n := 0
	for _, f := range r.Findings {
		if f.Severity.Rank() >= threshold.Rank() {
			n++
		}
	}
	if n == 0 {
		return GateDecision{Code: ExitPass, Reason: fmt.Sprintf("exit %d: no finding at or above %s (--fail-on %s)", ExitPass, threshold, threshold)}
	}
	return GateDecision{Code: ExitFail, Failing: n, Reason: fmt.Sprintf("exit %d: %s at or above %s (--fail-on %s)", ExitFail, plural(n, "finding"), threshold, threshold)}
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
