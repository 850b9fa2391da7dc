package engine

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/diag"

	opaversion "github.com/open-policy-agent/opa/v1/version"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// Bounds of what one policy may put into a report, so that a policy (a
// user's, or a built-in one on a hostile input) cannot make a report, and
// the bundle that holds it, grow without end.
const (
	// MaxFindingsPerPolicy bounds the findings of one policy; a policy that
	// gives more is an error on its controls.
	MaxFindingsPerPolicy = 500_000
	// MaxMessageBytes bounds a finding's message; a longer one is cut.
	MaxMessageBytes = 4 << 10
	// MaxDetailsBytes bounds a finding's details as JSON; larger details
	// are replaced by a note saying so.
	MaxDetailsBytes = 16 << 10
	// MaxFindingsBytes bounds the findings of a run: their messages,
	// resources, remediations and details. Within it the report, and the
	// bundle recording it, stay well within the bundle reader's limits.
	MaxFindingsBytes = 256 << 20
)

// toFinding checks one element of a policy's deny set and fills in what the
// policy's METADATA supplies. It returns the finding's size: the bytes of
// its strings and details, which the run's bound counts.
func (e *Engine) toFinding(p *Policy, v any, idx *factIndex) (Finding, int64, error) {
	f, detailBytes, err := e.finding(p, v, idx)
	if err != nil {
		return Finding{}, 0, err
	}
	return f, int64(len(f.Message)+len(f.Resource)+len(f.Remediation)) + detailBytes, nil
}

// compactJSON encodes v as compact JSON with sorted keys and without
// escaping HTML characters: the writers of reports choose whether to escape
// them, and an escape made here would stay in every output.
func compactJSON(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func (e *Engine) finding(p *Policy, v any, idx *factIndex) (Finding, int64, error) {
	var detailBytes int64
	obj, ok := v.(map[string]any)
	if !ok {
		return Finding{}, 0, fmt.Errorf("finding %v is not an object with msg and resource", v)
	}
	msg, _ := obj["msg"].(string)
	res, _ := obj["resource"].(string)
	if msg == "" || res == "" {
		return Finding{}, 0, fmt.Errorf("finding %v lacks a string msg or resource", v)
	}
	if len(res) > MaxMessageBytes {
		return Finding{}, 0, fmt.Errorf("finding names a resource of %d bytes, more than %d", len(res), MaxMessageBytes)
	}
	f := Finding{
		Controls:    p.Controls,
		Clauses:     p.Clauses,
		Policy:      p.ID,
		Resource:    res,
		Message:     diag.Cut(msg, MaxMessageBytes),
		Severity:    p.Severity,
		Remediation: p.Remediation,
	}
	f.Fingerprint = Fingerprint(f.Policy, f.Resource, f.Message)
	if s, ok := obj["severity"]; ok {
		str, _ := s.(string)
		if Severity(str).Rank() == 0 {
			return Finding{}, 0, fmt.Errorf("finding for %s has severity %v; expected low, medium, high or critical", res, s)
		}
		f.Severity = Severity(str)
	}
	if r, ok := obj["remediation"].(string); ok && r != "" {
		f.Remediation = diag.Cut(r, MaxMessageBytes)
	}
	if d, ok := obj["details"]; ok {
		dm, ok := d.(map[string]any)
		if !ok {
			return Finding{}, 0, fmt.Errorf("finding for %s has details %v; expected an object", res, d)
		}
		b, err := compactJSON(dm)
		if err != nil || len(b) > MaxDetailsBytes {
			b, _ = compactJSON(map[string]string{"omitted": fmt.Sprintf("the details exceed %d bytes as JSON", MaxDetailsBytes)})
		}
		f.Details = b
		detailBytes = int64(len(b))
	}
	if fact, ok := idx.byID[res]; ok {
		src := fact.Source
		f.Source = &src
	} else if record, _, found := strings.Cut(res, "#"); found {
		// An entry of a register record (record#entry) is not a fact of its
		// own; it is found in the record's file.
		if fact, ok := idx.byID[record]; ok {
			src := fact.Source
			f.Source = &src
		}
	}
	if l, ok := obj["line"]; ok {
		line, err := findingLine(l)
		if err != nil {
			return Finding{}, 0, fmt.Errorf("finding for %s: %w", res, err)
		}
		if f.Source != nil {
			// The line within the fact's file the finding is about (a
			// setting of an sshd_config), more precise than the fact's.
			f.Source.Line, f.Source.Column = line, 0
		}
	}
	return f, detailBytes, nil
}

// findingLine reads a finding's optional line: a whole number from 1.
func findingLine(v any) (int, error) {
	var n float64
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return 0, fmt.Errorf("line %v is not a number", v)
		}
		n = f
	case float64:
		n = x
	case int:
		n = float64(x)
	case int64:
		n = float64(x)
	default:
		return 0, fmt.Errorf("line %v is not a number", v)
	}
	if n < 1 || n != math.Trunc(n) || n > math.MaxInt32 {
		return 0, fmt.Errorf("line %v is not a line number (a whole number from 1)", v)
	}
	return int(n), nil
}

// rollUp turns per-policy outcomes into control results, applies the
// Statement of Applicability, and computes each control's effectiveness,
// the SoA and the residual risks. The clause rules run on its result.
func (e *Engine) rollUp(idx *factIndex, outcomes []policyOutcome, decl *declarations, waive *waiving) *Report {
	r := &Report{
		FormatVersion: ReportFormat,
		Diagnostics:   diag.Diagnostics{},
		Tool:          Tool{Name: "annexa", Version: e.toolVersion, OPAVersion: opaversion.Version},
		EffectiveTime: e.now,
		Summary: Summary{
			Facts:      len(idx.byID),
			Policies:   len(e.policies),
			Controls:   len(e.catalog.Controls),
			ByStatus:   map[Status]int{},
			ByTheme:    map[string]map[Status]int{},
			BySeverity: map[Severity]int{},
			Clauses:    map[ClauseStatus]int{},
		},
		SoA: &SoA{File: joinOr(decl.applicabilityFiles, ""), Warnings: decl.soaWarnings(e.catalog)},
	}
	settle(e.policies, outcomes, idx)
	for i := range outcomes {
		waive.apply(outcomes[i].findings)
	}
	r.Policies = make([]Policy, len(e.policies))
	for i, p := range e.policies {
		r.Policies[i] = *p
	}
	byControl := map[string][]int{}
	for i, p := range e.policies {
		for _, c := range p.Controls {
			byControl[c] = append(byControl[c], i)
		}
	}
	excluded := map[string]bool{}
	for _, ctl := range e.catalog.Controls {
		a := decl.applicabilityOf(ctl.ID)
		excluded[ctl.ID] = !a.applicable
		cr := ControlResult{ID: ctl.ID, Title: ctl.Title, Theme: ctl.Theme, Policies: []PolicyResult{}}
		assessed := map[string]bool{}
		failed := map[string]bool{}
		read := map[string]bool{} // the facts of idle policies' inputs
		var errs, missing, idle, supporting []string
		decisive, decides := false, false
		var pols []*Policy
		var outs []policyOutcome
		for _, i := range byControl[ctl.ID] {
			p, o := e.policies[i], outcomes[i]
			pols, outs = append(pols, p), append(outs, o)
			pr := PolicyResult{Policy: p.ID, Assessed: len(o.assessed), Findings: len(o.findings)}
			if o.err != nil {
				pr.Error = o.err.Error()
				errs = append(errs, fmt.Sprintf("%s: %v", p.ID, o.err))
			}
			support := p.CoverageOf(ctl.ID) == CoverageSupporting
			decides = decides || !support
			switch {
			case support:
				// Facts for it cannot pass the control: not what it needs.
				if len(o.assessed) > 0 {
					supporting = append(supporting, p.ID)
				}
			case len(o.assessed) > 0:
				decisive = true
			case len(o.read) > 0:
				idle = append(idle, p.ID)
				for _, id := range o.read {
					read[id] = true
				}
			default:
				missing = append(missing, p.Inputs...)
			}
			for _, id := range o.assessed {
				assessed[id] = true
			}
			for _, f := range o.findings {
				failed[f.Resource] = true
				if f.Waived() {
					cr.Waived++
				}
			}
			cr.Findings += len(o.findings)
			cr.Policies = append(cr.Policies, pr)
		}
		cr.Assessed, cr.Failed = len(assessed), len(failed)
		switch {
		case !e.selection.control(ctl.ID):
			excluded[ctl.ID] = true
			cr.Status, cr.Reason = StatusNotAssessed, e.selection.reason()
		case len(errs) > 0:
			cr.Status, cr.Reason = StatusError, strings.Join(errs, "; ")
		case !a.applicable:
			cr.Status = StatusNotApplicable
			cr.Reason = fmt.Sprintf("excluded in the Statement of Applicability (%s): %s", a.source, a.justification)
			if cr.Findings > 0 {
				cr.Reason += fmt.Sprintf("; its %d finding(s) are not counted", cr.Findings)
			}
		case len(cr.Policies) == 0 && e.deselected[ctl.ID] > 0:
			cr.Status, cr.Reason = StatusNotAssessed, fmt.Sprintf("its %d policies are %s (--policy-id, --skip-policy)", e.deselected[ctl.ID], leftOut)
		case len(cr.Policies) == 0:
			cr.Status, cr.Reason = StatusNotAssessed, "no policy evaluates this control yet"
		case cr.Findings > 0 && cr.Waived == cr.Findings:
			cr.Status = StatusWaived
			cr.Reason = fmt.Sprintf("its %d finding(s) are waived: implemented with accepted exceptions", cr.Findings)
		case cr.Findings > 0:
			cr.Status = StatusFail
		case !decisive:
			cr.Status, cr.Reason = StatusNotAssessed, notAssessedReason(decides, len(read), idle, supporting, missing)
		default:
			cr.Status = StatusPass
		}
		// A waiver accepts a risk, it does not remove it: a waived
		// control is as effective as a failing one.
		effStatus := cr.Status
		if effStatus == StatusWaived {
			effStatus = StatusFail
		}
		cr.Effectiveness = controlEffectiveness(effStatus, pols, outs).float()
		r.Summary.ByStatus[cr.Status]++
		if r.Summary.ByTheme[cr.Theme] == nil {
			r.Summary.ByTheme[cr.Theme] = map[Status]int{}
		}
		r.Summary.ByTheme[cr.Theme][cr.Status]++
		r.Controls = append(r.Controls, cr)
		r.SoA.Controls = append(r.SoA.Controls, e.soaEntry(cr, a, pols, outs))
	}
	// A finding counts unless every control it is against is excluded, in
	// the SoA or by the selection.
	total := 0
	for _, o := range outcomes {
		total += len(o.findings)
	}
	r.Findings = make([]Finding, 0, total)
	for _, o := range outcomes {
		for _, f := range o.findings {
			if !slices.ContainsFunc(f.Controls, func(c string) bool { return !excluded[c] }) {
				continue
			}
			r.Findings = append(r.Findings, f)
		}
	}
	r.Diagnostics = append(r.Diagnostics, judgedDiagnostics(e.policies, outcomes)...)
	r.Selection = e.selection
	r.Risks = e.assessRisks(r, decl)
	return r
}

// notAssessedReason says why a control without findings was judged by no
// policy that can decide it: all its policies are supporting (decides is
// false), only supporting policies judged facts, the others judged none
// of the facts they read (idle), or there were no facts for their inputs
// (missing).
func notAssessedReason(decides bool, read int, idle, supporting, missing []string) string {
	if !decides {
		return "its policies are all supporting evidence, which cannot show it implemented on their own"
	}
	var parts []string
	if len(supporting) > 0 {
		parts = append(parts, fmt.Sprintf("only supporting policies judged facts (%s), and they cannot show it implemented on their own", strings.Join(supporting, ", ")))
	}
	if len(idle) > 0 {
		parts = append(parts, fmt.Sprintf("its policies judged none of the %d facts of their inputs (%s): none is one they apply to", read, strings.Join(idle, ", ")))
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		parts = append(parts, "no facts for its policies: needs "+strings.Join(slices.Compact(missing), ", "))
	}
	return strings.Join(parts, "; ")
}

// finish sorts the findings and completes the summary once the clauses are
// decided.
func (r *Report) finish() {
	sortFindings(r.Findings)
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.Summary.Findings = len(r.Findings)
	for _, f := range r.Findings {
		r.Summary.BySeverity[f.Severity]++
		if f.Waived() {
			r.Summary.Waived++
		}
	}
	parents := map[string]bool{}
	for _, c := range r.Clauses {
		parents[c.Parent] = true
	}
	for _, c := range r.Clauses {
		if !parents[c.ID] {
			r.Summary.Clauses[c.Status]++
		}
	}
	r.Summary.Risks = r.Risks.summary()
}

// sortFindings orders by severity (highest first), then control, policy,
// resource and message, keeping the order of findings equal in all of
// these. A large run has hundreds of thousands of findings, so the order
// is found on their indices and each finding is moved once.
func sortFindings(fs []Finding) {
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &fs[i], &fs[j]
		return cmp.Or(
			-cmp.Compare(a.Severity.Rank(), b.Severity.Rank()),
			catalog.CompareIDs(firstOf(a), firstOf(b)),
			cmp.Compare(a.Policy, b.Policy),
			cmp.Compare(a.Resource, b.Resource),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(i, j),
		)
	})
	sorted := make([]Finding, len(fs))
	for k, i := range order {
		sorted[k] = fs[i]
	}
	copy(fs, sorted)
}

// firstOf is what a finding sorts by after its severity: its first control,
// or for a finding against clauses only, its first clause.
func firstOf(f *Finding) string {
	if len(f.Controls) > 0 {
		return f.Controls[0]
	}
	if len(f.Clauses) > 0 {
		return f.Clauses[0]
	}
	return ""
}
