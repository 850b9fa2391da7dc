package engine

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	opaversion "github.com/open-policy-agent/opa/v1/version"
)

// toFinding checks one element of a policy's deny set and fills in what the
// policy's METADATA supplies.
func (e *Engine) toFinding(p *Policy, v any, idx *factIndex) (Finding, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return Finding{}, fmt.Errorf("finding %v is not an object with msg and resource", v)
	}
	msg, _ := obj["msg"].(string)
	res, _ := obj["resource"].(string)
	if msg == "" || res == "" {
		return Finding{}, fmt.Errorf("finding %v lacks a string msg or resource", v)
	}
	f := Finding{
		Controls:    p.Controls,
		Policy:      p.ID,
		Resource:    res,
		Message:     msg,
		Severity:    p.Severity,
		Remediation: p.Remediation,
	}
	if s, ok := obj["severity"]; ok {
		str, _ := s.(string)
		if Severity(str).Rank() == 0 {
			return Finding{}, fmt.Errorf("finding for %s has severity %v; expected low, medium, high or critical", res, s)
		}
		f.Severity = Severity(str)
	}
	if r, ok := obj["remediation"].(string); ok && r != "" {
		f.Remediation = r
	}
	if d, ok := obj["details"]; ok {
		dm, ok := d.(map[string]any)
		if !ok {
			return Finding{}, fmt.Errorf("finding for %s has details %v; expected an object", res, d)
		}
		f.Details = dm
	}
	if fact, ok := idx.byID[res]; ok {
		src := fact.Source
		f.Source = &src
	}
	return f, nil
}

// rollUp turns per-policy outcomes into control results and the summary.
func (e *Engine) rollUp(idx *factIndex, outcomes []policyOutcome) *Report {
	r := &Report{
		Tool:          Tool{Name: "annexa", Version: e.toolVersion, OPAVersion: opaversion.Version},
		EffectiveTime: e.now,
		Summary: Summary{
			Facts:      len(idx.byID),
			Policies:   len(e.policies),
			Controls:   len(e.catalog.Controls),
			ByStatus:   map[Status]int{},
			ByTheme:    map[string]map[Status]int{},
			BySeverity: map[Severity]int{},
		},
	}
	byControl := map[string][]int{}
	for i, p := range e.policies {
		for _, c := range p.Controls {
			byControl[c] = append(byControl[c], i)
		}
		r.Findings = append(r.Findings, outcomes[i].findings...)
	}
	for _, ctl := range e.catalog.Controls {
		cr := ControlResult{ID: ctl.ID, Title: ctl.Title, Theme: ctl.Theme, Policies: []PolicyResult{}}
		assessed := map[string]bool{}
		failed := map[string]bool{}
		var errs, missing []string
		for _, i := range byControl[ctl.ID] {
			p, o := e.policies[i], outcomes[i]
			pr := PolicyResult{Policy: p.ID, Assessed: len(o.assessed), Findings: len(o.findings)}
			if o.err != nil {
				pr.Error = o.err.Error()
				errs = append(errs, fmt.Sprintf("%s: %v", p.ID, o.err))
			}
			if len(o.assessed) == 0 {
				missing = append(missing, p.Inputs...)
			}
			for _, id := range o.assessed {
				assessed[id] = true
			}
			for _, f := range o.findings {
				failed[f.Resource] = true
			}
			cr.Findings += len(o.findings)
			cr.Policies = append(cr.Policies, pr)
		}
		cr.Assessed, cr.Failed = len(assessed), len(failed)
		switch {
		case len(cr.Policies) == 0:
			cr.Status, cr.Reason = StatusNotAssessed, "no policy evaluates this control yet"
		case len(errs) > 0:
			cr.Status, cr.Reason = StatusError, strings.Join(errs, "; ")
		case cr.Findings > 0:
			cr.Status = StatusFail
		case cr.Assessed == 0:
			slices.Sort(missing)
			cr.Status = StatusNotAssessed
			cr.Reason = "no facts for its policies: needs " + strings.Join(slices.Compact(missing), ", ")
		default:
			cr.Status = StatusPass
		}
		r.Summary.ByStatus[cr.Status]++
		if r.Summary.ByTheme[cr.Theme] == nil {
			r.Summary.ByTheme[cr.Theme] = map[Status]int{}
		}
		r.Summary.ByTheme[cr.Theme][cr.Status]++
		r.Controls = append(r.Controls, cr)
	}
	sortFindings(r.Findings)
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.Summary.Findings = len(r.Findings)
	for _, f := range r.Findings {
		r.Summary.BySeverity[f.Severity]++
	}
	return r
}

// sortFindings orders by severity (highest first), then control, policy,
// resource and message.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			-cmp.Compare(a.Severity.Rank(), b.Severity.Rank()),
			CompareControlIDs(a.Controls[0], b.Controls[0]),
			cmp.Compare(a.Policy, b.Policy),
			cmp.Compare(a.Resource, b.Resource),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
