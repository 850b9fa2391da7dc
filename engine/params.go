package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Policy parameters (policies/lib/params.rego): thresholds policies read
// with params.value(name). Each is declared once in
// data.annexa.lib.params.defaults with its default, a description and the
// benchmark recommendation it follows; a project overrides them under
// parameters: in annexa.yaml, and the values in force reach the policies
// as data.facts.parameters, from a fact of kind parameters, so a replay
// evaluates with the same values.

// ParamsPackage is the package that declares the parameters.
const ParamsPackage = "annexa.lib.params"

// ParameterDecl is one declared parameter.
type ParameterDecl struct {
	Name        string `json:"name"`
	Default     any    `json:"default"`
	Description string `json:"description,omitempty"`
	// Source is the benchmark recommendation (or standard) behind the
	// default.
	Source string `json:"source,omitempty"`
}

// readParameters evaluates data.annexa.lib.params.defaults once; a policy
// tree without the package (a recorded one from before parameters)
// declares none.
func (e *Engine) readParameters(ctx context.Context) (map[string]ParameterDecl, error) {
	pq, err := e.prepare(ctx, "data."+ParamsPackage+".defaults")
	if err != nil {
		return nil, fmt.Errorf("parameters: %w", err)
	}
	rs, err := pq.Eval(ctx, evalData{facts: ast.NewObject(), run: ast.NewObject()}.options()...)
	if err != nil {
		return nil, fmt.Errorf("parameters: %w", err)
	}
	out := map[string]ParameterDecl{}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return out, nil
	}
	raw, ok := rs[0].Expressions[0].Value.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("parameters: %s.defaults must be an object of name to {default, description, source}", ParamsPackage)
	}
	for name, v := range raw {
		d, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("parameters: %s: the declaration must be an object {default, description, source}", name)
		}
		def, ok := d["default"]
		if !ok || def == nil {
			return nil, fmt.Errorf("parameters: %s: the declaration has no default", name)
		}
		decl := ParameterDecl{Name: name, Default: plainNumbers(def)}
		decl.Description, _ = d["description"].(string)
		decl.Source, _ = d["source"].(string)
		out[name] = decl
	}
	return out, nil
}

// plainNumbers turns the json.Number values of an evaluation's result into
// int64 (whole numbers) or float64, as a project file's values decode.
func plainNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainNumbers(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plainNumbers(e)
		}
		return out
	}
	return v
}

// Parameters returns the declared parameters, sorted by name.
func (e *Engine) Parameters() []ParameterDecl {
	out := make([]ParameterDecl, 0, len(e.params))
	for _, name := range slices.Sorted(maps.Keys(e.params)) {
		out = append(out, e.params[name])
	}
	return out
}

// Parameter returns the declaration of a parameter.
func (e *Engine) Parameter(name string) (ParameterDecl, bool) {
	d, ok := e.params[name]
	return d, ok
}

// JSONType names the JSON type of a value as decoded from JSON or YAML:
// string, number, boolean, array, object or null.
func JSONType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int, int64, float64, uint64, int32, float32, json.Number:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// CheckParameter checks a value for a parameter: the parameter must be
// declared and the value of its default's JSON type. The error says what
// was expected, without a position (the caller has it).
func (e *Engine) CheckParameter(name string, value any) error {
	d, ok := e.params[name]
	if !ok {
		known := slices.Sorted(maps.Keys(e.params))
		if len(known) == 0 {
			return fmt.Errorf("unknown parameter %q: the policies declare none", name)
		}
		for _, k := range known {
			if levenshtein.ComputeDistance(k, name) <= 3 {
				return fmt.Errorf("unknown parameter %q (did you mean %s?)", name, k)
			}
		}
		return fmt.Errorf("unknown parameter %q; the policies declare %s", name, strings.Join(known, ", "))
	}
	if want, got := JSONType(d.Default), JSONType(value); want != got {
		return fmt.Errorf("parameter %s must be a %s like its default %v, got a %s", name, want, jsonText(d.Default), got)
	}
	return nil
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

// InForce returns the value in force of every declared parameter: the
// overrides given, else the default.
func (e *Engine) InForce(overrides map[string]any) map[string]any {
	out := make(map[string]any, len(e.params))
	for name, d := range e.params {
		out[name] = d.Default
		if v, ok := overrides[name]; ok {
			out[name] = v
		}
	}
	return out
}

// ParametersFact is the fact recording the parameter values in force.
func ParametersFact(values map[string]any, src facts.Source) facts.Fact {
	return facts.Fact{Kind: facts.KindParameters, Source: src, ID: facts.KindParameters, Attributes: values}
}

// checkParametersFacts checks the parameters fact of a run (at most one;
// its values declared and typed as their defaults), as a run's own and a
// bundle's recorded facts are checked before evaluation.
func (e *Engine) checkParametersFacts(idx *factIndex) error {
	fs := idx.byKind[facts.KindParameters]
	if len(fs) > 1 {
		return fmt.Errorf("%s: a run holds one parameters fact, found %d", where(fs[1].Source), len(fs))
	}
	for _, f := range fs {
		if err := e.validator.Validate(f.Document()); err != nil {
			return err
		}
		for _, name := range slices.Sorted(maps.Keys(f.Attributes)) {
			if err := e.CheckParameter(name, f.Attributes[name]); err != nil {
				return fmt.Errorf("%s: %w", where(f.Source), err)
			}
		}
	}
	return nil
}
