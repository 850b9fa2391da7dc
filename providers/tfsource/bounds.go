package tfsource

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Evaluation is bounded in time and in the size of what it builds, so that
// a configuration written to exhaust annexa (three nested for expressions
// over 1024 elements, a string doubled thirty times) ends in seconds with
// an error rather than running for minutes or exhausting memory.
//
// HCL's for expression and template evaluation offer no hook to interrupt
// them, so annexa replaces every for expression and template node of the
// native syntax tree, before it evaluates it, with a node that embeds the
// original (which keeps hclsyntax.Variables and Walk working): the node
// checks the context, charges the elements it will iterate over to a
// budget for the whole run, and refuses results larger than the bounds.
// Every function result is checked the same way, and setproduct, whose
// result is the product of its arguments' sizes, is checked before it
// runs.
//
// Known limit: for expressions inside the strings of a .tf.json file are
// parsed and evaluated by HCL's JSON syntax at once and are not rewritten;
// the deadline and the result bounds of the functions they call still
// apply around them.

// DefaultTimeout is the time Terraform source evaluation may take when
// Provider.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// limits are the bounds of one Collect.
type limits struct {
	// forIterations bounds the elements all for expressions of a run
	// iterate over, together.
	forIterations int64
	// collection bounds the elements of a list, set, map or tuple that a
	// for expression or function returns.
	collection int64
	// stringBytes bounds a string that a template or function returns.
	stringBytes int64
}

var defaultLimits = limits{
	forIterations: 100_000,
	collection:    100_000,
	stringBytes:   maxFileBytes,
}

// boundNote ends the message of every bound.
const boundNote = "annexa stops here (a bound against configurations built to exhaust it)"

// errTimeout is the cause of the provider's own deadline.
type errTimeout struct{ d time.Duration }

func (e errTimeout) Error() string {
	return fmt.Sprintf("Terraform source evaluation took longer than %s and was stopped", e.d)
}

// stop records a fatal error and returns it as a diagnostic at rng; later
// calls keep the first error.
func (ev *evaluator) stop(rng hcl.Range, err error) hcl.Diagnostics {
	if ev.err == nil {
		ev.err = err
	}
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Evaluation stopped", Detail: err.Error(), Subject: rng.Ptr()}}
}

// interrupted reports the context's error, naming the provider's own
// deadline as such.
func (ev *evaluator) interrupted() error {
	if ev.ctx.Err() == nil {
		return nil
	}
	if c := context.Cause(ev.ctx); c != nil {
		var t errTimeout
		if errors.As(c, &t) {
			return t
		}
	}
	return ev.ctx.Err()
}

// tooLarge checks a value a template, for expression or function returned
// against the bounds; what names it in the message.
func (ev *evaluator) tooLarge(v cty.Value, what string) error {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		if n := int64(len(v.AsString())); n > ev.lim.stringBytes {
			return fmt.Errorf("%s returns a string longer than %d MiB; %s", what, ev.lim.stringBytes>>20, boundNote)
		}
	case ty.IsListType() || ty.IsSetType() || ty.IsMapType() || ty.IsTupleType():
		if n := int64(v.LengthInt()); n > ev.lim.collection {
			return fmt.Errorf("%s returns a collection of more than %d elements; %s", what, ev.lim.collection, boundNote)
		}
	}
	return nil
}

// boundedFor is a for expression that checks the context and charges its
// iterations to the run's budget before HCL evaluates it.
type boundedFor struct {
	*hclsyntax.ForExpr
	ev *evaluator
}

func (e *boundedFor) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	ev := e.ev
	if ev.err != nil {
		return cty.DynamicVal, nil
	}
	if err := ev.interrupted(); err != nil {
		return cty.DynamicVal, ev.stop(e.SrcRange, err)
	}
	coll, diags := e.CollExpr.Value(ctx)
	if ev.err != nil {
		return cty.DynamicVal, diags
	}
	if raw, _ := coll.Unmark(); raw.IsKnown() && !raw.IsNull() && raw.CanIterateElements() {
		ev.forIterations += int64(raw.LengthInt())
		if ev.forIterations > ev.lim.forIterations {
			return cty.DynamicVal, append(diags, ev.stop(e.SrcRange, fmt.Errorf("%s: for expressions iterate more than %d times in all; %s", rangeString(e.SrcRange), ev.lim.forIterations, boundNote))...)
		}
	}
	// Evaluate the collection once: HCL's ForExpr evaluates it again.
	fe := *e.ForExpr
	fe.CollExpr = &hclsyntax.LiteralValueExpr{Val: coll, SrcRange: e.CollExpr.Range()}
	v, more := fe.Value(ctx)
	diags = append(diags, more...)
	if ev.err != nil {
		return cty.DynamicVal, diags
	}
	if err := ev.tooLarge(v, "this for expression"); err != nil {
		return cty.DynamicVal, append(diags, ev.stop(e.SrcRange, fmt.Errorf("%s: %w", rangeString(e.SrcRange), err))...)
	}
	return v, diags
}

// boundedTemplate is a template that refuses results longer than the
// bound.
type boundedTemplate struct {
	*hclsyntax.TemplateExpr
	ev *evaluator
}

func (e *boundedTemplate) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	ev := e.ev
	if ev.err != nil {
		return cty.DynamicVal, nil
	}
	if err := ev.interrupted(); err != nil {
		return cty.DynamicVal, ev.stop(e.SrcRange, err)
	}
	v, diags := e.TemplateExpr.Value(ctx)
	if ev.err != nil {
		return cty.DynamicVal, diags
	}
	if err := ev.tooLarge(v, "this template"); err != nil {
		return cty.DynamicVal, append(diags, ev.stop(e.SrcRange, fmt.Errorf("%s: %w", rangeString(e.SrcRange), err))...)
	}
	return v, diags
}

var (
	exprType      = reflect.TypeOf((*hclsyntax.Expression)(nil)).Elem()
	forExprType   = reflect.TypeOf((*hclsyntax.ForExpr)(nil))
	templateType  = reflect.TypeOf((*hclsyntax.TemplateExpr)(nil))
	boundedForTy  = reflect.TypeOf((*boundedFor)(nil))
	boundedTmplTy = reflect.TypeOf((*boundedTemplate)(nil))
)

// bound returns expr with every for expression and template in it
// replaced by its bounded form. It rewrites the tree in place, once: a
// tree already rewritten is returned as it is.
func (ev *evaluator) bound(expr hcl.Expression) hcl.Expression {
	e, ok := expr.(hclsyntax.Expression)
	if !ok {
		return expr
	}
	return ev.boundNode(e)
}

func (ev *evaluator) boundNode(e hclsyntax.Expression) hclsyntax.Expression {
	switch n := e.(type) {
	case nil:
		return nil
	case *boundedFor, *boundedTemplate:
		return e
	case *hclsyntax.ForExpr:
		ev.boundFields(reflect.ValueOf(n).Elem())
		return &boundedFor{ForExpr: n, ev: ev}
	case *hclsyntax.TemplateExpr:
		ev.boundFields(reflect.ValueOf(n).Elem())
		return &boundedTemplate{TemplateExpr: n, ev: ev}
	}
	if v := reflect.ValueOf(e); v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct {
		ev.boundFields(v.Elem())
	}
	return e
}

// boundFields rewrites the expressions held by the exported fields of a
// syntax node: Expression fields, slices of them, and structs (such as
// ObjectConsItem) that hold them.
func (ev *evaluator) boundFields(s reflect.Value) {
	t := s.Type()
	for i := 0; i < s.NumField(); i++ {
		if !t.Field(i).IsExported() {
			continue
		}
		f := s.Field(i)
		ev.boundValue(f)
	}
}

func (ev *evaluator) boundValue(f reflect.Value) {
	switch {
	case f.Type() == exprType:
		if f.IsNil() || !f.CanSet() {
			return
		}
		old := f.Interface().(hclsyntax.Expression)
		if n := ev.boundNode(old); n != old {
			f.Set(reflect.ValueOf(n))
		}
	case f.Kind() == reflect.Slice:
		for j := 0; j < f.Len(); j++ {
			ev.boundValue(f.Index(j))
		}
	case f.Kind() == reflect.Struct:
		ev.boundFields(f)
	case f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Struct && f.Type().Implements(exprType):
		// A field of a concrete node type, such as ObjectConsKeyExpr's.
		if !f.IsNil() {
			ev.boundFields(f.Elem())
		}
	}
}

// boundFunc wraps f so that it checks the context before it runs and
// refuses results larger than the bounds.
func (ev *evaluator) boundFunc(name string, f function.Function) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        func(args []cty.Value) (cty.Type, error) { return f.ReturnTypeForValues(args) },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if ev.err != nil {
				return cty.DynamicVal, ev.err
			}
			if err := ev.interrupted(); err != nil {
				ev.err = err
				return cty.DynamicVal, err
			}
			if name == "setproduct" {
				if err := ev.checkProduct(args); err != nil {
					return cty.DynamicVal, err
				}
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			if err := ev.tooLarge(v, name+"()"); err != nil {
				ev.err = err
				return cty.DynamicVal, err
			}
			return v, nil
		},
	})
}

// checkProduct refuses a setproduct whose result would hold more elements
// than the bound, before it is built.
func (ev *evaluator) checkProduct(args []cty.Value) error {
	total := int64(1)
	for _, a := range args {
		a, _ = a.Unmark()
		if !a.IsKnown() || a.IsNull() || !a.CanIterateElements() {
			return nil
		}
		total *= int64(a.LengthInt())
		if total > ev.lim.collection {
			err := fmt.Errorf("setproduct() returns a collection of more than %d elements; %s", ev.lim.collection, boundNote)
			ev.err = err
			return err
		}
	}
	return nil
}
