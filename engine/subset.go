package engine

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/providers/facts"
)

// PolicyOutcome is what one policy did over a set of facts: its findings
// and the facts it assessed (what its judged rule names, with the facts
// its findings are about, as a run counts them; every fact of its inputs
// for a policy without judged). Err is a failed evaluation.
type PolicyOutcome struct {
	Findings []Finding
	Assessed []string
	Err      error
}

// EvaluatePolicies evaluates only the named control policies over fs,
// with the same prepared queries and the same account of what each
// assessed as Evaluate, and without the roll-up. It is for measuring
// policies one case at a time (internal/accuracy), where the roll-up and
// the other policies are work whose result nobody reads. An id that names
// no control policy is an error.
func (e *Engine) EvaluatePolicies(ctx context.Context, fs []facts.Fact, ids []string) (map[string]PolicyOutcome, error) {
	idx, err := newFactIndex(fs, e.parallelism)
	if err != nil {
		return nil, err
	}
	if err := e.checkParametersFacts(idx); err != nil {
		return nil, err
	}
	var pols []*Policy
	var at []int
	for _, id := range ids {
		i := -1
		for j, p := range e.policies {
			if p.ID == id && !p.AfterRollUp() {
				i = j
			}
		}
		if i < 0 {
			return nil, fmt.Errorf("no control policy %s", id)
		}
		pols = append(pols, e.policies[i])
		at = append(at, i)
	}
	data := evalData{facts: idx.document, run: ast.MustInterfaceToValue(e.controlRun())}
	outs := make([]policyOutcome, len(pols))
	for k, i := range at {
		outs[k] = e.evalPolicy(ctx, data, i, idx)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	settle(pols, outs, idx)
	res := make(map[string]PolicyOutcome, len(pols))
	for k, p := range pols {
		res[p.ID] = PolicyOutcome{Findings: outs[k].findings, Assessed: outs[k].assessed, Err: outs[k].err}
	}
	return res, nil
}
