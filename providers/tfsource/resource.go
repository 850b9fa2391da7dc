package tfsource

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/redact"
)

// evalBody evaluates a resource body, or a nested block body, into an
// object: attributes by name, and each nested block type as a tuple of
// objects (the shape plans give list and set blocks). A block type whose
// dynamic for_each is known only after apply is unknown as a whole.
func (ev *evaluator) evalBody(b *body, sc *scope) cty.Value {
	attrs := map[string]cty.Value{}
	for _, name := range b.attrNames() {
		attrs[name] = ev.evalAttr(b.attrs[name], sc)
	}
	var kinds []string
	elems := map[string][]cty.Value{}
	unknownKind := map[string]bool{}
	for _, blk := range b.blocks {
		if blk.typ == "dynamic" && len(blk.labels) != 1 {
			ev.errorf(blk.defRange.Ptr(), "Invalid dynamic block", "A dynamic block needs exactly one label: the type of the blocks it generates.")
			continue
		}
		kind := blockKind(blk)
		if _, seen := elems[kind]; !seen {
			kinds = append(kinds, kind)
			elems[kind] = nil
		}
		if blk.typ == "dynamic" {
			vals, known := ev.expandDynamic(blk, sc)
			if !known {
				unknownKind[kind] = true
			}
			elems[kind] = append(elems[kind], vals...)
			continue
		}
		elems[kind] = append(elems[kind], ev.evalBody(blk.body, sc))
	}
	for _, kind := range kinds {
		if a, dup := b.attrs[kind]; dup {
			ev.errorf(a.NameRange.Ptr(), "Duplicate argument", "%q is set both as an argument and as a nested block.", kind)
		}
		switch {
		case unknownKind[kind]:
			attrs[kind] = cty.DynamicVal
		case len(elems[kind]) == 0:
			attrs[kind] = cty.EmptyTupleVal
		default:
			attrs[kind] = cty.TupleVal(elems[kind])
		}
	}
	return cty.ObjectVal(attrs)
}

// dynamicParts returns a dynamic block's for_each, iterator name and
// content block, reporting what is missing.
func (ev *evaluator) dynamicParts(blk *block) (*hcl.Attribute, string, *block) {
	forEach := blk.body.attrs["for_each"]
	if forEach == nil {
		ev.errorf(blk.defRange.Ptr(), "Missing required argument", "A dynamic block needs a for_each argument.")
		return nil, "", nil
	}
	iter := blk.labels[0]
	if a := blk.body.attrs["iterator"]; a != nil {
		kw := hcl.ExprAsKeyword(a.Expr)
		if kw == "" {
			ev.errorf(a.Expr.Range().Ptr(), "Invalid dynamic iterator name", "The iterator must be a single identifier.")
			return nil, "", nil
		}
		iter = kw
	}
	var content *block
	for _, c := range blk.body.blocks {
		if c.typ != "content" {
			continue
		}
		if content != nil {
			ev.errorf(c.defRange.Ptr(), "Duplicate content block", "A dynamic block may have only one content block.")
			return nil, "", nil
		}
		content = c
	}
	if content == nil {
		ev.errorf(blk.defRange.Ptr(), "Missing content block", "A dynamic block needs a content block.")
		return nil, "", nil
	}
	return forEach, iter, content
}

// expandDynamic evaluates a dynamic block into the objects of the blocks
// it generates; known is false when its for_each is known only after
// apply.
func (ev *evaluator) expandDynamic(blk *block, sc *scope) (vals []cty.Value, known bool) {
	forEach, iter, content := ev.dynamicParts(blk)
	if content == nil {
		return nil, true
	}
	v := ev.evalAttr(forEach, sc)
	v, marks := v.Unmark()
	if !v.IsKnown() {
		return nil, false
	}
	rng := forEach.Expr.Range().Ptr()
	if v.IsNull() {
		ev.errorf(rng, "Invalid dynamic for_each value", "Cannot use a null value in for_each.")
		return nil, true
	}
	ty := v.Type()
	if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() && !ty.IsMapType() && !ty.IsObjectType() {
		ev.errorf(rng, "Invalid dynamic for_each value", "Cannot use a %s value in for_each. An iterable collection is required.", ty.FriendlyName())
		return nil, true
	}
	if v.LengthInt() > maxInstances {
		ev.errorf(rng, "Too many blocks", "The dynamic block generates %d blocks; annexa evaluates at most %d.", v.LengthInt(), maxInstances)
		return nil, true
	}
	for it := v.ElementIterator(); it.Next(); {
		key, val := it.Element()
		if ty.IsSetType() {
			key = val
		}
		obj := cty.ObjectVal(map[string]cty.Value{"key": key.WithMarks(marks), "value": val.WithMarks(marks)})
		vals = append(vals, ev.evalBody(content.body, sc.withIterator(iter, obj)))
	}
	return vals, true
}

// bodyRefs records, per attribute path, the resource addresses the
// attribute's expression refers to, in the format of the plan provider:
// the referenced instance and its resource, resolved in the module
// instance modPrefix. Unlike a plan, references inside dynamic blocks are
// included.
func bodyRefs(b *body, prefix, modPrefix string, iters map[string]bool, out map[string][]string) {
	for name, a := range b.attrs {
		path := redact.Join(prefix, name)
		for _, t := range a.Expr.Variables() {
			out[path] = append(out[path], refAddresses(t, modPrefix, iters)...)
		}
		if len(out[path]) == 0 {
			delete(out, path)
		}
	}
	for _, blk := range b.blocks {
		path := redact.Join(prefix, blockKind(blk))
		if blk.typ != "dynamic" || len(blk.labels) != 1 {
			bodyRefs(blk.body, path, modPrefix, iters, out)
			continue
		}
		inner := map[string]bool{blk.labels[0]: true}
		if a := blk.body.attrs["iterator"]; a != nil {
			if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
				inner = map[string]bool{kw: true}
			}
		}
		for k := range iters {
			inner[k] = true
		}
		for _, c := range blk.body.blocks {
			if c.typ == "content" {
				bodyRefs(c.body, path, modPrefix, inner, out)
			}
		}
	}
}

// references returns a resource instance's references, sorted.
func references(r *resource, modPrefix string) map[string][]string {
	out := map[string][]string{}
	bodyRefs(r.body, "", modPrefix, nil, out)
	return facts.CompactReferences(out)
}

// refAddresses resolves one reference to the resource addresses it names.
func refAddresses(t hcl.Traversal, modPrefix string, iters map[string]bool) []string {
	root := t.RootName()
	if iters[root] {
		return nil
	}
	var base string
	keyAt := 2
	switch {
	case root == "data":
		typ, ok1 := attrStep(t, 1)
		name, ok2 := attrStep(t, 2)
		if !ok1 || !ok2 {
			return nil
		}
		base, keyAt = "data."+typ+"."+name, 3
	case reservedRoots[root]:
		return nil
	default:
		name, ok := attrStep(t, 1)
		if !ok {
			return nil
		}
		base = root + "." + name
	}
	base = modPrefix + base
	if keyAt < len(t) {
		if ix, ok := t[keyAt].(hcl.TraverseIndex); ok {
			if k, ok := keyString(ix.Key); ok {
				return []string{base + k, base}
			}
		}
	}
	return []string{base}
}

// keyString formats a literal instance key from a reference.
func keyString(k cty.Value) (string, bool) {
	if !k.IsKnown() || k.IsNull() {
		return "", false
	}
	switch k.Type() {
	case cty.String:
		return "[" + quoteHCL(k.AsString()) + "]", true
	case cty.Number:
		bf := k.AsBigFloat()
		if i, acc := bf.Int64(); bf.IsInt() && acc == 0 {
			return "[" + strconv.FormatInt(i, 10) + "]", true
		}
	}
	return "", false
}
