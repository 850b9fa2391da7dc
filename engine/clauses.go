package engine

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// ClauseStatus is the conformance of an ISO/IEC 27001 clause.
type ClauseStatus string

// Clause statuses.
const (
	// ClauseConformant: the evidence shows every requirement met.
	ClauseConformant ClauseStatus = "conformant"
	// ClausePartial: some requirements are shown, others are missing or
	// failing (a minor gap).
	ClausePartial ClauseStatus = "partial"
	// ClauseNonconformant: a requirement is absent (a major gap), or
	// nothing shows any requirement met while something fails.
	ClauseNonconformant ClauseStatus = "nonconformant"
	// ClauseNotAssessed: there was nothing to judge the clause by.
	ClauseNotAssessed ClauseStatus = "not_assessed"
	// ClauseError: the clause's rule failed to evaluate.
	ClauseError ClauseStatus = "error"
)

// ClauseResult is the conformance of one clause or sub-clause.
type ClauseResult struct {
	ID     string       `json:"id"`
	Title  string       `json:"title"`
	Parent string       `json:"parent,omitempty"`
	Level  int          `json:"level"`
	Status ClauseStatus `json:"status"`
	// Reasons say why the clause has its status: the gaps of a partial or
	// nonconformant clause, what the evidence shows for a conformant one,
	// what would decide a clause that was not assessed.
	Reasons []string `json:"reasons"`
	// Met lists what the evidence shows for a clause with gaps.
	Met []string `json:"met,omitempty"`
	// Evidence lists the facts, controls (control/5.1) and risks
	// (risk/R-01) the rule cited; missing:... names what it looked for
	// and did not find.
	Evidence []string `json:"evidence,omitempty"`
	// Rule is the clause rule's id (clauses.c4_3); parents have none.
	Rule string `json:"rule,omitempty"`
}

// clauseItem is one element of a clause rule's met or gaps set.
type clauseItem struct {
	msg       string
	resources []string
	major     bool
}

type clauseOutcome struct {
	status    ClauseStatus
	met, gaps []clauseItem
	err       error
}

// evaluateClauses is the second phase of an evaluation: it runs every
// clause rule over the facts, with the control results, the Statement of
// Applicability and the risks of the first phase as data.run, and rolls
// sub-clauses up into their parents.
func (e *Engine) evaluateClauses(ctx context.Context, data evalData) ([]ClauseResult, error) {
	outcomes := make([]clauseOutcome, len(e.clauseRules))
	e.forEach(len(outcomes), func(i int) { outcomes[i] = e.evalClauseRule(ctx, data, i) })
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluate clauses: %w", err)
	}
	byClause := map[string]int{}
	for i, rule := range e.clauseRules {
		byClause[rule.Clause] = i
	}
	results := make([]ClauseResult, len(e.clauseMap.Clauses))
	// Children follow their parents in the map's order, so walking it
	// backwards decides every sub-clause before its parent.
	for i := len(e.clauseMap.Clauses) - 1; i >= 0; i-- {
		c := e.clauseMap.Clauses[i]
		cr := ClauseResult{ID: c.ID, Title: c.Title, Parent: c.Parent, Level: c.Level}
		if !c.Decided() {
			rollUpClause(&cr, results[i+1:])
			results[i] = cr
			continue
		}
		ri, ok := byClause[c.ID]
		if !ok {
			cr.Status, cr.Reasons = ClauseNotAssessed, []string{"no rule decides this clause"}
			results[i] = cr
			continue
		}
		cr.Rule = e.clauseRules[ri].ID
		fillClause(&cr, e.clauseRules[ri].Inputs, outcomes[ri])
		results[i] = cr
	}
	return results, nil
}

// fillClause turns a rule's outcome into the clause's result.
func fillClause(cr *ClauseResult, in ClauseInputs, o clauseOutcome) {
	if o.err != nil {
		cr.Status, cr.Reasons = ClauseError, []string{o.err.Error()}
		return
	}
	cr.Status = o.status
	// Major gaps first, then by what they are about, so control/8.2 comes
	// before control/8.13.
	byResource := func(a, b clauseItem) int {
		return cmp.Or(catalog.CompareIDs(a.resources[0], b.resources[0]), cmp.Compare(a.msg, b.msg))
	}
	slices.SortFunc(o.gaps, func(a, b clauseItem) int {
		if a.major != b.major {
			if a.major {
				return -1
			}
			return 1
		}
		return byResource(a, b)
	})
	slices.SortFunc(o.met, byResource)
	var met []string
	var evidence []string
	for _, m := range o.met {
		met = append(met, m.msg)
		evidence = append(evidence, m.resources...)
	}
	var gaps []string
	for _, g := range o.gaps {
		gaps = append(gaps, g.msg)
		evidence = append(evidence, g.resources...)
	}
	slices.Sort(evidence)
	cr.Evidence = slices.Compact(evidence)
	switch {
	case cr.Status == ClauseNotAssessed && len(gaps) == 0:
		cr.Reasons = []string{in.needs()}
	case len(gaps) == 0:
		cr.Reasons = met
	default:
		cr.Reasons, cr.Met = gaps, met
	}
	if cr.Reasons == nil {
		cr.Reasons = []string{}
	}
}

// rollUpClause decides a clause from its sub-clauses (found among later):
// the worst of them, where a mix of assessed and not assessed ones is
// partial, since part of the clause is not shown.
func rollUpClause(cr *ClauseResult, later []ClauseResult) {
	count := map[ClauseStatus][]string{}
	n := 0
	for _, c := range later {
		if c.Parent == cr.ID {
			count[c.Status] = append(count[c.Status], c.ID)
			n++
		}
	}
	list := func(s ClauseStatus) string {
		ids := slices.Clone(count[s])
		slices.SortFunc(ids, catalog.CompareIDs)
		return strings.Join(ids, ", ")
	}
	switch {
	case len(count[ClauseError]) > 0:
		cr.Status = ClauseError
		cr.Reasons = []string{"sub-clauses could not be evaluated: " + list(ClauseError)}
	case len(count[ClauseNotAssessed]) == n:
		cr.Status = ClauseNotAssessed
		cr.Reasons = []string{"no sub-clause could be assessed"}
	case len(count[ClauseNonconformant]) > 0:
		cr.Status = ClauseNonconformant
		cr.Reasons = []string{"nonconformant sub-clauses: " + list(ClauseNonconformant)}
	case len(count[ClausePartial]) > 0 || len(count[ClauseNotAssessed]) > 0:
		cr.Status = ClausePartial
	default:
		cr.Status = ClauseConformant
		cr.Reasons = []string{"every sub-clause is conformant: " + list(ClauseConformant)}
	}
	if cr.Status == ClausePartial || cr.Status == ClauseNonconformant {
		if ids := list(ClausePartial); ids != "" {
			cr.Reasons = append(cr.Reasons, "partially conformant sub-clauses: "+ids)
		}
		if ids := list(ClauseNotAssessed); ids != "" {
			cr.Reasons = append(cr.Reasons, "sub-clauses not assessed: "+ids)
		}
	}
}

func (e *Engine) evalClauseRule(ctx context.Context, data evalData, i int) clauseOutcome {
	rule := e.clauseRules[i]
	rs, err := e.evalQuery(ctx, data, e.clauseQueries[i], "clause "+rule.ID, rule.File)
	if err != nil {
		return clauseOutcome{err: fmt.Errorf("%s: %w", rule.ID, err)}
	}
	if len(rs) != 1 {
		return clauseOutcome{err: fmt.Errorf("%s: status, met or gaps is undefined", rule.ID)}
	}
	var o clauseOutcome
	status, _ := rs[0].Bindings["status"].(string)
	o.status = ClauseStatus(status)
	if !slices.Contains([]ClauseStatus{ClauseConformant, ClausePartial, ClauseNonconformant, ClauseNotAssessed}, o.status) {
		return clauseOutcome{err: fmt.Errorf("%s: status %v is not conformant, partial, nonconformant or not_assessed", rule.ID, rs[0].Bindings["status"])}
	}
	if o.met, err = clauseItems(rs[0].Bindings["met"]); err != nil {
		return clauseOutcome{err: fmt.Errorf("%s: met: %w", rule.ID, err)}
	}
	if o.gaps, err = clauseItems(rs[0].Bindings["gaps"]); err != nil {
		return clauseOutcome{err: fmt.Errorf("%s: gaps: %w", rule.ID, err)}
	}
	return o
}

// clauseItems reads a set of {"msg", "resource" or "resources", "major"}
// objects.
func clauseItems(v any) ([]clauseItem, error) {
	raw, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("expected a set of objects with msg and resource, got %T", v)
	}
	out := make([]clauseItem, 0, len(raw))
	for _, x := range raw {
		obj, ok := x.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("element %v is not an object with msg and resource", x)
		}
		it := clauseItem{}
		it.msg, _ = obj["msg"].(string)
		it.major, _ = obj["major"].(bool)
		if res, ok := obj["resource"].(string); ok && res != "" {
			it.resources = append(it.resources, res)
		}
		list, _ := obj["resources"].([]any)
		for _, r := range list {
			if s, ok := r.(string); ok && s != "" {
				it.resources = append(it.resources, s)
			}
		}
		if it.msg == "" || len(it.resources) == 0 {
			return nil, fmt.Errorf("element %v lacks a string msg, or a resource or resources", x)
		}
		out = append(out, it)
	}
	return out, nil
}

// runDocument is data.run for the clause rules and the policies over the
// residual risks: the effective time and the report's sections as the
// JSON report writes them (controls keyed by id, the risks, null without
// a register), and the Statement of Applicability without the evidence and
// findings of each control (runSoA).
func (e *Engine) runDocument(r *Report) (ast.Value, error) {
	controls := make(map[string]ControlResult, len(r.Controls))
	for _, c := range r.Controls {
		controls[c.ID] = c
	}
	doc := struct {
		EffectiveTime   string                   `json:"effective_time"`
		EffectiveTimeNS int64                    `json:"effective_time_ns"`
		Controls        map[string]ControlResult `json:"controls"`
		SoA             *runSoA                  `json:"soa"`
		Risks           *RiskReport              `json:"risks"`
	}{e.now.Format(time.RFC3339Nano), e.now.UnixNano(), controls, newRunSoA(r.SoA), r.Risks}
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	v, err := ast.ValueFromReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return v, nil
}

// runSoA is the Statement of Applicability as data.run.soa holds it: each
// control's applicability and status, without the evidence and findings
// behind the status, which on a large input list every fact and finding
// again and which the report holds.
type runSoA struct {
	File     string          `json:"file"`
	Controls []runSoAControl `json:"controls"`
	Warnings []string        `json:"warnings"`
}

type runSoAControl struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Theme         string   `json:"theme"`
	Applicable    bool     `json:"applicable"`
	Justification string   `json:"justification"`
	Stated        bool     `json:"stated"`
	Source        string   `json:"source,omitempty"`
	Status        Status   `json:"status"`
	Effectiveness float64  `json:"effectiveness"`
	Policies      []string `json:"policies"`
}

func newRunSoA(s *SoA) *runSoA {
	if s == nil {
		return nil
	}
	out := &runSoA{File: s.File, Controls: make([]runSoAControl, len(s.Controls)), Warnings: s.Warnings}
	for i, c := range s.Controls {
		out.Controls[i] = runSoAControl{
			ID: c.ID, Title: c.Title, Theme: c.Theme, Applicable: c.Applicable,
			Justification: c.Justification, Stated: c.Stated, Source: c.Source,
			Status: c.Status, Effectiveness: c.Effectiveness, Policies: c.Policies,
		}
	}
	return out
}
