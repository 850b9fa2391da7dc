package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine/waiver"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Severity ranks findings; --fail-on compares against it.
type Severity string

// Severities, lowest first.
const (
	SeverityLow      Severity = "low"
	SeverityMedium   Severity = "medium"
	SeverityHigh     Severity = "high"
	SeverityCritical Severity = "critical"
)

// Rank orders severities: low 1 … critical 4, unknown 0.
func (s Severity) Rank() int {
	return slices.Index(severities, s) + 1
}

// Status is the evaluated state of a control.
type Status string

// Control statuses.
const (
	StatusPass Status = "pass"
	StatusFail Status = "fail"
	// StatusWaived is a control whose only findings are waived: it is
	// implemented with accepted exceptions, and its effectiveness, the
	// residual risk and the clauses count the findings as open.
	StatusWaived Status = "waived"
	// StatusNotApplicable is a control the Statement of Applicability
	// excludes, with a justification; its findings are not counted.
	StatusNotApplicable Status = "not_applicable"
	StatusNotAssessed   Status = "not_assessed"
	StatusError         Status = "error"
)

// Statuses lists every status in the order summaries print them.
var Statuses = []Status{StatusPass, StatusFail, StatusWaived, StatusNotApplicable, StatusNotAssessed, StatusError}

// Finding is one violation reported by one policy about one fact.
type Finding struct {
	Controls []string `json:"controls"`
	// Clauses names the ISO/IEC 27001 clauses a finding is against when it
	// is about the management system rather than a control (a residual
	// risk above appetite without acceptance: 6.1.3 and 8.3).
	Clauses     []string      `json:"clauses,omitempty"`
	Policy      string        `json:"policy"`
	Resource    string        `json:"resource"`
	Message     string        `json:"message"`
	Severity    Severity      `json:"severity"`
	Remediation string        `json:"remediation"`
	Source      *facts.Source `json:"source,omitempty"`
	// Details is what the policy added about the finding, as compact
	// JSON with sorted keys: a large run has hundreds of thousands of
	// findings, and an encoded object is a fraction of a decoded one.
	Details json.RawMessage `json:"details,omitempty"`
	// Fingerprint identifies the finding across runs (Fingerprint):
	// --baseline matches findings by it.
	Fingerprint string `json:"fingerprint"`
	// Waiver is the waiver that waives the finding, nil when it is open.
	// A waived finding stays in every output and does not gate the run.
	Waiver *waiver.Waiver `json:"waiver,omitempty"`
}

// Waived reports whether a waiver waives the finding.
func (f Finding) Waived() bool { return f.Waiver != nil }

// PolicyResult is what one policy did in a run.
type PolicyResult struct {
	Policy string `json:"policy"`
	// Assessed counts the facts the policy judged (its judged rule) and
	// those its findings are about; for a policy without a judged rule,
	// the facts its declared inputs matched.
	Assessed int    `json:"assessed"`
	Findings int    `json:"findings"`
	Error    string `json:"error,omitempty"`
}

// ControlResult is the status of one Annex A control.
type ControlResult struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Theme    string         `json:"theme"`
	Status   Status         `json:"status"`
	Reason   string         `json:"reason,omitempty"`
	Policies []PolicyResult `json:"policies"`
	// Assessed counts the distinct facts the control's policies judged.
	Assessed int `json:"assessed"`
	// Failed counts the distinct resources with at least one finding.
	Failed   int `json:"failed"`
	Findings int `json:"findings"`
	// Waived counts the findings among Findings that a waiver waives.
	Waived int `json:"waived,omitempty"`
	// Effectiveness is how well the control works, from 0 to 1, as the
	// residual risk calculation uses it (docs/risk.md).
	Effectiveness float64 `json:"effectiveness"`
}

// Summary counts a report.
type Summary struct {
	Facts    int            `json:"facts"`
	Policies int            `json:"policies"`
	Controls int            `json:"controls"`
	ByStatus map[Status]int `json:"by_status"`
	// ByTheme counts control statuses per theme (organizational, people,
	// physical, technological).
	ByTheme    map[string]map[Status]int `json:"by_theme"`
	Findings   int                       `json:"findings"`
	BySeverity map[Severity]int          `json:"by_severity"`
	// Waived counts the findings among Findings that a waiver waives.
	Waived int `json:"waived,omitempty"`
	// Clauses counts the requirements of clauses 4 to 10 (the clauses
	// without sub-clauses) by status.
	Clauses map[ClauseStatus]int `json:"clauses"`
	// Risks summarises the risk register, when one was given.
	Risks *RiskSummary `json:"risks,omitempty"`
}

// Tool identifies the program that made a report.
type Tool struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	OPAVersion string `json:"opa_version"`
}

// ReportFormat is the version of the report's format and meaning, recorded
// in every report and evidence bundle. A change to what a report's fields
// mean (an id scheme, a status rule) bumps it, so a reader of an older
// report or bundle knows it was made under other rules. Format 1 is the
// unversioned report before diagnostics and qualified fact ids; format 2
// had them; format 3 counts missing declared evidence as 0 in a control's
// effectiveness and computes residual risk with risk model 2 (design
// strengths, catalog.RiskModel); format 4 gives every finding a
// fingerprint and adds waivers (a waived finding, the control status
// waived, the waivers section). docs/bundles.md lists them.
const ReportFormat = 4

// Report is the full result of one evaluation. Every list is sorted, so the
// same facts, policies and effective time give byte-identical output.
type Report struct {
	// FormatVersion is ReportFormat when the report was made.
	FormatVersion int             `json:"format_version"`
	Tool          Tool            `json:"tool"`
	EffectiveTime time.Time       `json:"effective_time"`
	Summary       Summary         `json:"summary"`
	Controls      []ControlResult `json:"controls"`
	Findings      []Finding       `json:"findings"`
	// Policies are the evaluated policies and what their METADATA says,
	// sorted by id, so a report names the title, description and
	// remediation of every rule behind its findings (SARIF rules read them).
	Policies []Policy `json:"policies"`
	// Clauses is the conformance of every clause and sub-clause 4 to 10.
	Clauses []ClauseResult `json:"clauses"`
	// SoA is the Statement of Applicability: every Annex A control.
	SoA *SoA `json:"soa"`
	// Risks is the residual risk of each risk in the register, when one
	// was given.
	Risks *RiskReport `json:"risks,omitempty"`
	// Selection is what the run was narrowed to (--control, --policy and
	// their skips), absent when it evaluated everything; a replay applies
	// it again.
	Selection *Selection `json:"selection,omitempty"`
	// Waivers are the run's waivers, each with what it did (active,
	// expired, unused) and the findings it matches; absent without
	// waivers. A replay applies them again.
	Waivers []waiver.Result `json:"waivers,omitempty"`
	// Baseline compares the run with a previous one (--baseline): the
	// findings that are new, those fixed, the controls that regressed.
	// It is not part of the evaluation, so a replay does not compare it.
	Baseline *BaselineResult `json:"baseline,omitempty"`
	// Diagnostics are the warnings about the inputs the facts were
	// collected with: what a provider could not read or evaluate. A
	// replay, which does not read the inputs again, has none.
	Diagnostics diag.Diagnostics `json:"diagnostics"`
	// Profile is where the evaluation spent its time, when the engine
	// profiles (WithProfiling). It is not part of the report's JSON: it
	// differs from run to run.
	Profile *Profile `json:"-"`
}

// EvaluationError is the error for controls or clauses whose rules failed
// to evaluate (a policy error or time-out), nil when every rule ran.
func (r *Report) EvaluationError() error {
	if errs := r.Errors(); len(errs) > 0 {
		return fmt.Errorf("%d control(s) could not be evaluated, first: %s: %s", len(errs), errs[0].ID, errs[0].Reason)
	}
	if errs := r.ClauseErrors(); len(errs) > 0 {
		return fmt.Errorf("%d clause(s) could not be evaluated, first: %s: %s", len(errs), errs[0].ID, strings.Join(errs[0].Reasons, "; "))
	}
	return nil
}

// FailsAt reports whether any finding that no waiver waives is at or
// above threshold (Gate with no baseline).
func (r *Report) FailsAt(threshold Severity) bool {
	return Gate{FailOn: threshold}.Decide(r).Failed
}

// ClauseErrors lists the clauses whose rule failed to evaluate.
func (r *Report) ClauseErrors() []ClauseResult {
	var out []ClauseResult
	for _, c := range r.Clauses {
		if c.Status == ClauseError {
			out = append(out, c)
		}
	}
	return out
}

// Errors lists the controls whose evaluation failed.
func (r *Report) Errors() []ControlResult {
	var out []ControlResult
	for _, c := range r.Controls {
		if c.Status == StatusError {
			out = append(out, c)
		}
	}
	return out
}
