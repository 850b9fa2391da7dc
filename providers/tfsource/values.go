package tfsource

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/zclconf/go-cty/cty"
)

// sensitive marks values that come from sensitive variables or outputs or
// from the sensitive() function; HCL and cty carry marks through every
// operation, so anything derived from a secret stays marked.
type markKind string

const sensitive markKind = "sensitive"

// maxValueDepth bounds how deeply nested a value converted into a fact may
// be; the parse guards keep real values far shallower.
const maxValueDepth = 200

// plain converts a cty value into the JSON-like form facts hold, with an
// unknown mask (true at values known only after apply) and a sensitive
// mask (true at marked values), the shapes redact.Object takes. Numbers
// become json.Number, as in the plan provider.
func plain(v cty.Value, depth int) (val, unknown, sens any, err error) {
	if depth > maxValueDepth {
		return nil, nil, nil, fmt.Errorf("value nested more than %d levels deep", maxValueDepth)
	}
	v, marks := v.Unmark()
	if _, ok := marks[sensitive]; ok {
		if !v.IsKnown() {
			return nil, true, nil, nil
		}
		if v.IsNull() {
			return nil, nil, nil, nil
		}
		// The value itself never leaves: the redactor replaces it.
		return "", nil, true, nil
	}
	if !v.IsKnown() {
		return nil, true, nil, nil
	}
	if v.IsNull() {
		return nil, nil, nil, nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), nil, nil, nil
	case ty == cty.Number:
		f := v.AsBigFloat()
		if f.IsInf() {
			return nil, nil, nil, fmt.Errorf("an infinite number cannot be represented in a fact")
		}
		return json.Number(numberString(f)), nil, nil, nil
	case ty == cty.Bool:
		return v.True(), nil, nil, nil
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		n := v.LengthInt()
		out, unk, sen := make([]any, 0, n), make([]any, 0, n), make([]any, 0, n)
		anyUnk, anySens := false, false
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			cv, cu, cs, err := plain(ev, depth+1)
			if err != nil {
				return nil, nil, nil, err
			}
			out, unk, sen = append(out, cv), append(unk, cu), append(sen, cs)
			anyUnk, anySens = anyUnk || cu != nil, anySens || cs != nil
		}
		return out, maskOrNil(unk, anyUnk), maskOrNil(sen, anySens), nil
	case ty.IsMapType() || ty.IsObjectType():
		out, unk, sen := map[string]any{}, map[string]any{}, map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			key, _ := k.Unmark()
			name := key.AsString()
			cv, cu, cs, err := plain(ev, depth+1)
			if err != nil {
				return nil, nil, nil, err
			}
			out[name] = cv
			if cu != nil {
				unk[name] = cu
			}
			if cs != nil {
				sen[name] = cs
			}
		}
		var u, s any
		if len(unk) > 0 {
			u = unk
		}
		if len(sen) > 0 {
			s = sen
		}
		return out, u, s, nil
	}
	return nil, nil, nil, fmt.Errorf("value of type %s cannot be represented in a fact", ty.FriendlyName())
}

func maskOrNil(m []any, any bool) any {
	if any {
		return m
	}
	return nil
}

// numberString formats a number as JSON: integers without exponent or
// fraction, others in the shortest exact form.
func numberString(f *big.Float) string {
	if f.IsInt() {
		i, _ := f.Int(nil)
		return i.String()
	}
	return f.Text('g', -1)
}

// shape turns the configured value of a resource instance into the object
// other expressions see when they refer to it: attributes the
// configuration sets keep their values, id and arn and every other
// attribute name the configuration traverses anywhere are unknown, as they
// are in a plan for a resource being created.
func shape(obj cty.Value, names map[string]bool, blockNames map[string]bool, top bool) cty.Value {
	if !obj.IsKnown() || obj.IsNull() || !obj.Type().IsObjectType() {
		return obj
	}
	attrs := map[string]cty.Value{}
	for name := range names {
		attrs[name] = cty.DynamicVal
	}
	for it := obj.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if blockNames[name] && v.IsKnown() && (v.Type().IsTupleType() || v.Type().IsListType()) {
			var elems []cty.Value
			for eit := v.ElementIterator(); eit.Next(); {
				_, ev := eit.Element()
				elems = append(elems, shape(ev, names, blockNames, false))
			}
			if len(elems) == 0 {
				v = cty.EmptyTupleVal
			} else {
				v = cty.TupleVal(elems)
			}
		}
		attrs[name] = v
	}
	if top {
		attrs["id"] = cty.DynamicVal
		attrs["arn"] = cty.DynamicVal
	}
	return cty.ObjectVal(attrs)
}

// instKey is the instance key of a resource or module call instance.
type instKey struct {
	kind  keyKind
	index int
	str   string
	// value is each.value for a for_each instance.
	value cty.Value
}

type keyKind uint8

const (
	noKey keyKind = iota
	intKey
	strKey
)

// String formats the key as Terraform writes it in addresses: [0] or
// ["name"].
func (k instKey) String() string {
	switch k.kind {
	case intKey:
		return "[" + strconv.Itoa(k.index) + "]"
	case strKey:
		return "[" + quoteHCL(k.str) + "]"
	}
	return ""
}

// factIndex is the key as the fact's index field holds it.
func (k instKey) factIndex() any {
	switch k.kind {
	case intKey:
		return k.index
	case strKey:
		return k.str
	}
	return nil
}

// quoteHCL quotes s as an HCL string literal, as Terraform does for
// instance keys, so that the address can be parsed back.
func quoteHCL(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case (r == '$' || r == '%') && strings.HasPrefix(s[i+1:], "{"):
			b.WriteRune(r)
			b.WriteRune(r)
		case !unicode.IsPrint(r):
			if r > 0xFFFF {
				fmt.Fprintf(&b, `\U%08x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
