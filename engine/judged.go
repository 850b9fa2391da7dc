package engine

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexa-dev/annexa/diag"
)

// A policy says which facts it judged: beside deny, its package defines
// `judged`, the set of the ids of the facts its criterion applied to,
// whatever the verdict (docs/policies.md). Only those facts, and the facts
// its findings are about, count as assessed, so a control never passes on
// facts that merely exist. A policy without the rule keeps the old
// measure, every fact of its inputs, and the report warns about it.

// policyQuery is the query a policy is evaluated with: its findings and,
// when it declares them, the facts it judged, in one evaluation. An
// undefined judged is an empty one.
func policyQuery(p *Policy) string {
	ref := "data." + p.Package
	if !p.DeclaresJudged {
		return ref + ".deny"
	}
	return fmt.Sprintf("%s.deny; {id | some id in %s.judged}", ref, ref)
}

// judgedIDs reads the value of judged (exprs[0]) of a policy that
// declares it: a set of fact ids.
func judgedIDs(p *Policy, exprs []*rego.ExpressionValue) ([]string, error) {
	if !p.DeclaresJudged || len(exprs) == 0 {
		return nil, nil
	}
	raw, ok := exprs[0].Value.([]any)
	if !ok {
		return nil, fmt.Errorf("judged must be a set of fact ids, got %T", exprs[0].Value)
	}
	ids := make([]string, 0, len(raw))
	for _, v := range raw {
		id, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("judged must be a set of fact ids (strings), found %v", v)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// settle decides what each policy assessed, before the roll-up. A policy
// without a judged rule assessed every fact of its inputs (evalPolicy
// leaves them in assessed). For one with it, that is what it read; it
// assessed the facts it judged and those its findings are about (a
// RECORD#ENTRY id stands for its record). Ids that name no fact, and
// findings about facts judged does not list, are kept for the warnings of
// judgedDiagnostics.
func settle(pols []*Policy, outs []policyOutcome, idx *factIndex) {
	for i, p := range pols {
		o := &outs[i]
		o.read = o.assessed
		if !p.DeclaresJudged || p.AfterRollUp() {
			continue
		}
		judged := map[string]bool{}
		for _, id := range o.judged {
			if fact, ok := idx.factOf(id); ok {
				judged[fact] = true
			} else {
				o.strays = append(o.strays, id)
			}
		}
		for _, f := range o.findings {
			if fact, ok := idx.factOf(f.Resource); ok && !judged[fact] {
				judged[fact] = true
				o.unjudged = append(o.unjudged, fact)
			}
		}
		o.assessed = slices.Sorted(maps.Keys(judged))
		slices.Sort(o.strays)
	}
}

// factOf returns the fact an id names: the fact of that id, or for an
// entry of a register record (RECORD#ENTRY), the record.
func (idx *factIndex) factOf(id string) (string, bool) {
	if _, ok := idx.byID[id]; ok {
		return id, true
	}
	if record, _, found := strings.Cut(id, "#"); found {
		if _, ok := idx.byID[record]; ok {
			return record, true
		}
	}
	return "", false
}

// judgedDiagnostics warns, once per policy, about a policy that does not
// say which facts it judged, one whose findings are about facts it does
// not list as judged, and one that lists as judged ids naming no fact.
func judgedDiagnostics(pols []*Policy, outs []policyOutcome) diag.Diagnostics {
	var ds diag.Diagnostics
	warn := func(p *Policy, summary, detail string) {
		ds = append(ds, diag.Diagnostic{Severity: diag.Warning, Source: "annexa", File: p.File, Summary: summary, Detail: detail})
	}
	example := func(ids []string) string {
		if len(ids) == 1 {
			return ids[0]
		}
		return fmt.Sprintf("%s and %d more", ids[0], len(ids)-1)
	}
	for i, p := range pols {
		if p.AfterRollUp() {
			continue
		}
		o := outs[i]
		switch {
		case !p.DeclaresJudged:
			warn(p, fmt.Sprintf("policy %s does not say which facts it judged", p.ID),
				"it defines no judged rule, so every fact of its inputs counts as assessed and its controls can pass on facts its criterion does not apply to; add `judged contains id if { ... }` beside deny (docs/policies.md)")
		case o.err != nil:
		default:
			if len(o.unjudged) > 0 {
				warn(p, fmt.Sprintf("policy %s has findings about facts it does not list as judged", p.ID),
					fmt.Sprintf("%s: they count as assessed, but judged should hold every fact the policy judged", example(o.unjudged)))
			}
			if len(o.strays) > 0 {
				warn(p, fmt.Sprintf("policy %s lists as judged ids that name no fact", p.ID),
					fmt.Sprintf("%s: judged holds fact ids (or RECORD#ENTRY of a record fact); these are not counted", example(o.strays)))
			}
		}
	}
	return ds
}
