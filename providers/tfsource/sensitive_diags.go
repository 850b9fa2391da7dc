package tfsource

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// sensitiveDetail replaces the detail of an error about an expression that
// a sensitive value flows into. Terraform does the same: a function's
// error message quotes its argument (netip.ParsePrefix("...")), and that
// argument may be a secret or something derived from one, such as its
// base64, which no list of known secret strings can catch.
const sensitiveDetail = "The error concerns a sensitive value, or a value derived from one, so its detail is not shown."

// hideSensitiveDetails replaces, in place of diags, the detail of every
// error about expr whose operands are sensitive: when any value expr
// refers to in ctx carries the sensitive mark, or when the operand the
// diagnostic names (hcl sets it to a function's failing argument) is
// marked once evaluated. The summary, a fixed text, and the position are
// kept. The diagnostics are copied, never changed where they are shared.
func hideSensitiveDetails(expr hcl.Expression, ctx *hcl.EvalContext, diags hcl.Diagnostics) hcl.Diagnostics {
	if !diags.HasErrors() {
		return diags
	}
	refersSensitive := expr != nil && ctx != nil && refersToSensitive(expr, ctx)
	out := make(hcl.Diagnostics, len(diags))
	for i, d := range diags {
		out[i] = d
		if d == nil || d.Detail == "" {
			continue
		}
		if refersSensitive || operandSensitive(d) {
			c := *d
			c.Detail = sensitiveDetail
			// The diagnostic's own expression and context would let a
			// later renderer show the values again.
			c.Expression, c.EvalContext = nil, nil
			out[i] = &c
		}
	}
	return out
}

// refersToSensitive reports whether any value expr refers to in ctx holds
// a sensitive mark, at any depth.
func refersToSensitive(expr hcl.Expression, ctx *hcl.EvalContext) bool {
	for _, t := range expr.Variables() {
		v, diags := t.TraverseAbs(ctx)
		if diags.HasErrors() {
			// The whole root then, if it is there at all.
			v, diags = hcl.Traversal{hcl.TraverseRoot{Name: t.RootName()}}.TraverseAbs(ctx)
			if diags.HasErrors() {
				continue
			}
		}
		if hasSensitive(v) {
			return true
		}
	}
	return false
}

// operandSensitive reports whether the operand a diagnostic is about
// evaluates to a value holding a sensitive mark: sensitive("...") as a
// function argument refers to no variable, yet is a secret.
func operandSensitive(d *hcl.Diagnostic) bool {
	if d.Expression == nil || d.EvalContext == nil {
		return false
	}
	if refersToSensitive(d.Expression, d.EvalContext) {
		return true
	}
	v, diags := d.Expression.Value(d.EvalContext)
	return !diags.HasErrors() && hasSensitive(v)
}

func hasSensitive(v cty.Value) bool {
	if v.HasMark(sensitive) {
		return true
	}
	if !v.IsKnown() || v.IsNull() || !v.ContainsMarked() {
		return false
	}
	_, pvm := v.UnmarkDeepWithPaths()
	for _, pm := range pvm {
		if _, ok := pm.Marks[sensitive]; ok {
			return true
		}
	}
	return false
}
