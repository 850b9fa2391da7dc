package engine

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// NotStated is the justification of a control the applicability file does
// not justify.
const NotStated = "not stated"

// SoA is the Statement of Applicability (ISO/IEC 27001 6.1.3 d): every Annex
// A control, whether it applies and why, and how it was found implemented.
type SoA struct {
	// File is the applicability file (files, comma separated), "" when none
	// was given and every control is treated as applicable.
	File     string     `json:"file"`
	Controls []SoAEntry `json:"controls"`
	// Warnings name the controls without a stated justification.
	Warnings []string `json:"warnings"`
}

// SoAEntry is one control of the Statement of Applicability.
type SoAEntry struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Theme         string `json:"theme"`
	Applicable    bool   `json:"applicable"`
	Justification string `json:"justification"`
	// Stated is false for a control the applicability file does not list.
	Stated bool `json:"stated"`
	// Source is where the file states it (file:line).
	Source string `json:"source,omitempty"`
	// Status is the implementation status from the evaluation; an excluded
	// control is not_applicable.
	Status        Status  `json:"status"`
	Effectiveness float64 `json:"effectiveness"`
	// Policies, Evidence and Findings show the status: the policies that
	// evaluate the control, the facts they assessed (evidence records and
	// resources, by id) and what they found.
	Policies      []string     `json:"policies"`
	Evidence      []string     `json:"evidence"`
	Findings      []SoAFinding `json:"findings"`
	LastEvaluated time.Time    `json:"last_evaluated"`
}

// SoAFinding points at one finding behind a control's status.
type SoAFinding struct {
	Policy   string   `json:"policy"`
	Resource string   `json:"resource"`
	Severity Severity `json:"severity"`
	// Waived is true when a waiver accepts the finding.
	Waived bool `json:"waived,omitempty"`
}

// applicabilityOf returns whether a control applies, and why, from the
// declarations: a control the file does not list applies, "not stated".
func (d *declarations) applicabilityOf(id string) applicabilityEntry {
	if a, ok := d.applicability[id]; ok {
		if a.justification == "" {
			a.justification = NotStated
		}
		return a
	}
	return applicabilityEntry{applicable: true, justification: NotStated}
}

// soaWarnings says which controls lack a justification.
func (d *declarations) soaWarnings(cat *Catalog) []string {
	file := joinOr(d.applicabilityFiles, "")
	if file == "" {
		return []string{fmt.Sprintf("no applicability file: all %d controls are treated as applicable, with the justification %q", len(cat.Controls), NotStated)}
	}
	var out []string
	for _, c := range cat.Controls {
		a, ok := d.applicability[c.ID]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: control %s is not listed; it is treated as applicable, with the justification %q", file, c.ID, NotStated))
		case a.justification == "":
			out = append(out, fmt.Sprintf("%s: control %s is included without a justification (%q)", a.source, c.ID, NotStated))
		}
	}
	return out
}

// soaEntry builds a control's entry from its result and its policies'
// outcomes.
func (e *Engine) soaEntry(cr ControlResult, a applicabilityEntry, pols []*Policy, outs []policyOutcome) SoAEntry {
	entry := SoAEntry{
		ID:            cr.ID,
		Title:         cr.Title,
		Theme:         cr.Theme,
		Applicable:    a.applicable,
		Justification: a.justification,
		Stated:        a.source != "",
		Source:        a.source,
		Status:        cr.Status,
		Effectiveness: cr.Effectiveness,
		Policies:      []string{},
		Evidence:      []string{},
		Findings:      []SoAFinding{},
		LastEvaluated: e.now,
	}
	for i, p := range pols {
		entry.Policies = append(entry.Policies, p.ID)
		entry.Evidence = append(entry.Evidence, outs[i].assessed...)
		for _, f := range outs[i].findings {
			entry.Findings = append(entry.Findings, SoAFinding{Policy: p.ID, Resource: f.Resource, Severity: f.Severity, Waived: f.Waived()})
		}
	}
	slices.Sort(entry.Policies)
	slices.Sort(entry.Evidence)
	entry.Evidence = slices.Compact(entry.Evidence)
	slices.SortFunc(entry.Findings, func(a, b SoAFinding) int {
		return cmp.Or(-cmp.Compare(a.Severity.Rank(), b.Severity.Rank()), cmp.Compare(a.Policy, b.Policy), cmp.Compare(a.Resource, b.Resource))
	})
	entry.Findings = slices.Compact(entry.Findings)
	return entry
}
