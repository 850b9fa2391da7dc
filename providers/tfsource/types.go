package tfsource

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfsource/internal/schematypes"
)

// convertTypes converts the arguments of every evaluated managed resource
// instance to the types the provider schema gives them, as Terraform does
// before it plans (internal/schematypes holds the types of the AWS,
// AzureRM and Google resources): "22" becomes 22 for a number, "false"
// false for a bool, 1.1 "1.1" for a string, the values of a map of
// strings strings, a tuple for a set a set. An argument whose value cannot
// be converted stays as written, with a warning at its file:line; a
// resource type the table does not hold stays as written.
func (ev *evaluator) convertTypes(mi *modInst) error {
	for _, r := range mi.cfg.resources {
		if r.mode != facts.ModeManaged {
			continue
		}
		schema, err := schematypes.Resource(r.typ)
		if err != nil {
			return err
		}
		if schema == nil {
			continue
		}
		for _, in := range mi.resources[r.key].insts {
			in.obj = ev.convertBlock(in.obj, schema, r.body, r.decl, r.typ, "")
		}
	}
	for _, name := range sortedKeys(mi.calls) {
		for _, child := range mi.calls[name].children {
			if err := ev.convertTypes(child); err != nil {
				return err
			}
		}
	}
	return nil
}

// convertBlock converts the arguments of one block's object value. b is
// the block's body, where known, for the position of a warning; rng is the
// fallback position.
func (ev *evaluator) convertBlock(obj cty.Value, schema *schematypes.Block, b *body, rng hcl.Range, typ, path string) cty.Value {
	obj, marks := obj.Unmark()
	if !obj.IsKnown() || obj.IsNull() || !obj.Type().IsObjectType() {
		return obj.WithMarks(marks)
	}
	attrs := make(map[string]cty.Value, obj.LengthInt())
	for it := obj.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		attrs[name] = v
		where := argRange(b, name, rng)
		if ty, ok := schema.Attrs[name]; ok {
			cv, err := convert.Convert(v, ty)
			if err != nil {
				ev.warnf(&where, "Argument not of its schema type",
					"%s of %s must be %s: %s. It is judged as written, which a plan would refuse.",
					joinPath(path, name), typ, ty.FriendlyNameForConstraint(), convertMessage(err))
				continue
			}
			attrs[name] = cv
			continue
		}
		if nested, ok := schema.Blocks[name]; ok {
			attrs[name] = ev.convertNested(v, nested, blockBodies(b, name), where, typ, joinPath(path, name))
		}
	}
	return cty.ObjectVal(attrs).WithMarks(marks)
}

// convertNested converts the value of a nested block type: a tuple or list
// of block objects (native syntax, or JSON syntax with a list), a single
// object, or for map nesting an object or map of objects. Element i takes
// its position from bodies[i] when there is one.
func (ev *evaluator) convertNested(v cty.Value, schema *schematypes.Block, bodies []*body, rng hcl.Range, typ, path string) cty.Value {
	v, marks := v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return v.WithMarks(marks)
	}
	bodyAt := func(i int) *body {
		switch {
		case i < len(bodies):
			return bodies[i]
		case len(bodies) > 0:
			// Blocks from a dynamic block share its content body.
			return bodies[len(bodies)-1]
		}
		return nil
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() && schema.Nesting == schematypes.Single:
		return ev.convertBlock(v, schema, bodyAt(0), rng, typ, path).WithMarks(marks)
	case ty.IsObjectType() && schema.Nesting != schematypes.Map:
		// JSON syntax may write one block of a list or set as an object;
		// a plan shows it, like native syntax, as a list of one.
		return cty.TupleVal([]cty.Value{ev.convertBlock(v, schema, bodyAt(0), rng, typ, path)}).WithMarks(marks)
	case ty.IsTupleType() || ty.IsListType():
		if v.LengthInt() == 0 {
			return v.WithMarks(marks)
		}
		elems := make([]cty.Value, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, ev2 := it.Element()
			i := len(elems)
			elems = append(elems, ev.convertBlock(ev2, schema, bodyAt(i), rng, typ, path))
		}
		if ty.IsListType() {
			if out, err := convert.Convert(cty.TupleVal(elems), ty); err == nil {
				return out.WithMarks(marks)
			}
		}
		return cty.TupleVal(elems).WithMarks(marks)
	case (ty.IsObjectType() || ty.IsMapType()) && schema.Nesting == schematypes.Map:
		if v.LengthInt() == 0 {
			return v.WithMarks(marks)
		}
		elems := make(map[string]cty.Value, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, ev2 := it.Element()
			elems[k.AsString()] = ev.convertBlock(ev2, schema, bodyAt(0), rng, typ, path)
		}
		return cty.ObjectVal(elems).WithMarks(marks)
	}
	return v.WithMarks(marks)
}

// argRange is the position of argument name in body b: its value
// expression, or the block of that name, else rng.
func argRange(b *body, name string, rng hcl.Range) hcl.Range {
	if b == nil {
		return rng
	}
	if a := b.attrs[name]; a != nil {
		return a.Expr.Range()
	}
	for _, blk := range b.blocks {
		if blockKind(blk) == name {
			return blk.defRange
		}
	}
	return rng
}

// blockBodies returns the bodies of the nested blocks of type name in b, in
// order; a dynamic block contributes its content body.
func blockBodies(b *body, name string) []*body {
	if b == nil {
		return nil
	}
	var out []*body
	for _, blk := range b.blocks {
		if blockKind(blk) != name {
			continue
		}
		if blk.typ != "dynamic" {
			out = append(out, blk.body)
			continue
		}
		for _, c := range blk.body.blocks {
			if c.typ == "content" {
				out = append(out, c.body)
			}
		}
	}
	return out
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// convertMessage describes a conversion error with the path inside the
// value where there is one.
func convertMessage(err error) string {
	if pe, ok := err.(cty.PathError); ok && len(pe.Path) > 0 {
		return fmt.Sprintf("at %s: %s", formatCtyPath(pe.Path), pe.Error())
	}
	return err.Error()
}

func formatCtyPath(p cty.Path) string {
	var s string
	for _, step := range p {
		switch st := step.(type) {
		case cty.GetAttrStep:
			s += "." + st.Name
		case cty.IndexStep:
			switch {
			case st.Key.Type() == cty.String:
				s += fmt.Sprintf("[%q]", st.Key.AsString())
			case st.Key.Type() == cty.Number:
				s += "[" + st.Key.AsBigFloat().Text('f', -1) + "]"
			default:
				s += "[...]"
			}
		}
	}
	return s
}
