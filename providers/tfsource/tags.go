package tfsource

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfsource/internal/schematypes"
)

// applyDefaultTags gives every AWS resource that takes tags the tags_all a
// plan shows: the default_tags of its provider configuration in the root
// module merged with its own tags, which win. Without default_tags,
// tags_all is the resource's tags (an empty map when it has none); when
// either is unknown, so is tags_all. Resources in called modules use the
// root module's configuration of the same name (the provider a module
// inherits unless its call passes another).
func (ev *evaluator) applyDefaultTags(root *modInst) error {
	defaults := map[string]cty.Value{}
	for key, b := range root.cfg.providerConfigs {
		if !strings.HasPrefix(key, "aws") {
			continue
		}
		v := cty.MapValEmpty(cty.String)
		for _, nested := range b.body.blocks {
			if nested.typ != "default_tags" {
				continue
			}
			if a := nested.body.attrs["tags"]; a != nil {
				v = ev.evalAttr(a, &scope{mi: root})
			}
		}
		defaults[key] = v
	}
	return ev.tagsAll(root, defaults)
}

func (ev *evaluator) tagsAll(mi *modInst, defaults map[string]cty.Value) error {
	for _, r := range mi.cfg.resources {
		if r.mode != facts.ModeManaged || !strings.HasPrefix(r.typ, "aws_") {
			continue
		}
		schema, err := schematypes.Resource(r.typ)
		if err != nil {
			return err
		}
		if schema == nil || schema.Attrs["tags_all"] == cty.NilType {
			continue
		}
		key := "aws"
		if r.provider == "aws" && r.providerAlias != "" {
			key += "." + r.providerAlias
		}
		dflt, ok := defaults[key]
		if !ok {
			dflt = cty.MapValEmpty(cty.String)
		}
		for _, in := range mi.resources[r.key].insts {
			in.obj = withTagsAll(in.obj, dflt)
		}
	}
	for _, name := range sortedKeys(mi.calls) {
		for _, child := range mi.calls[name].children {
			if err := ev.tagsAll(child, defaults); err != nil {
				return err
			}
		}
	}
	return nil
}

// withTagsAll sets tags_all on a resource instance's object value.
func withTagsAll(obj, dflt cty.Value) cty.Value {
	if !obj.IsKnown() || obj.IsNull() || !obj.Type().IsObjectType() {
		return obj
	}
	attrs := obj.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	own := cty.NullVal(cty.Map(cty.String))
	if t, ok := attrs["tags"]; ok {
		own = t
	}
	attrs["tags_all"] = mergeTags(dflt, own)
	return cty.ObjectVal(attrs)
}

// mergeTags merges two maps of tags, the second winning; unknown if
// either is not wholly known, and the values as strings, as the AWS
// provider stores them.
func mergeTags(dflt, own cty.Value) cty.Value {
	if !dflt.IsWhollyKnown() || !own.IsWhollyKnown() {
		return cty.UnknownVal(cty.Map(cty.String))
	}
	out := map[string]cty.Value{}
	for _, v := range []cty.Value{dflt, own} {
		if v.IsNull() || !(v.Type().IsMapType() || v.Type().IsObjectType()) {
			continue
		}
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if val.IsNull() {
				continue
			}
			s, err := convert.Convert(val, cty.String)
			if err != nil {
				return cty.UnknownVal(cty.Map(cty.String))
			}
			out[k.AsString()] = s
		}
	}
	if len(out) == 0 {
		return cty.MapValEmpty(cty.String)
	}
	return cty.MapVal(out)
}
