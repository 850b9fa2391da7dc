// Package facts holds the normalized fact model that every provider produces
// and every policy reads, together with the JSON Schemas that facts are
// checked against before evaluation.
package facts

import (
	"cmp"
	"slices"
)

// Redacted replaces every sensitive value inside a provider, before any other
// stage of annexa can see it.
const Redacted = "(sensitive)"

// Kinds of fact.
const (
	KindResource = "resource"
	// KindEvidence is a declared evidence record: a document, a register or
	// the record of an activity, for controls no machine can observe.
	KindEvidence = "evidence"
	// KindKubernetes is one Kubernetes object from a manifest or a
	// `kubectl get -o json` listing; its type is the object's kind.
	KindKubernetes = "kubernetes"
	// KindConfig is one configuration file (or, for a GitHub export, one
	// repository's settings); its type is the file's format or, for a
	// file annexa understands, what it configures (sshd_config).
	KindConfig = "config"
	// KindApplicability is one entry of the Statement of Applicability:
	// whether an Annex A control applies, and why.
	KindApplicability = "applicability"
	// KindRisk is one risk of the risk register.
	KindRisk = "risk"
	// KindRiskSettings holds the risk appetite and method a run applies, so
	// that a replay of the run computes the same residual risk.
	KindRiskSettings = "risk_settings"
	// KindParameters holds the value in force of every policy parameter
	// (policies/lib/params.rego) in a run whose project file sets some, so
	// that policies read them as data.facts.parameters and a replay of the
	// run evaluates with the same values.
	KindParameters = "parameters"
)

// Resource modes, as Terraform names them.
const (
	ModeManaged = "managed"
	ModeData    = "data"
)

// Source says where a fact came from.
type Source struct {
	// Provider is the name of the provider that produced the fact.
	Provider string `json:"provider"`
	// File is the input file, as the user named it.
	File string `json:"file"`
	// Line is the 1-based line of the fact's definition, 0 when unknown.
	Line int `json:"line,omitempty"`
	// Column is the 1-based column of the fact's definition on Line, 0
	// when unknown or of no use (a plan's resource in a one-line JSON
	// document has one).
	Column int `json:"column,omitempty"`
	// Scope is the input that qualifies the fact's id, "" when the id
	// needs no qualifier (see Qualify).
	Scope string `json:"scope,omitempty"`
}

// Fact is one normalized record. Resource facts fill the resource fields;
// other kinds use Attributes only.
type Fact struct {
	Kind   string `json:"kind"`
	Source Source `json:"source"`
	// ID is unique within a run; for resources, the full instance address.
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`

	// BaseAddress is ID without the resource's own instance key.
	BaseAddress string `json:"base_address,omitempty"`
	// Mode is ModeManaged or ModeData.
	Mode string `json:"mode,omitempty"`
	// Module is the module instance address, empty for the root module.
	Module string `json:"module,omitempty"`
	Name   string `json:"name,omitempty"`
	// Index is the count index (int) or for_each key (string), nil if none.
	Index        any      `json:"index,omitempty"`
	ProviderName string   `json:"provider_name,omitempty"`
	Actions      []string `json:"actions,omitempty"`

	Attributes map[string]any `json:"attributes"`
	// Unknown lists dotted paths of values only known after apply; they are
	// absent from Attributes.
	Unknown []string `json:"unknown,omitempty"`
	// Sensitive lists dotted paths whose values were replaced by Redacted.
	Sensitive []string `json:"sensitive,omitempty"`
	// Detected maps the paths, among Sensitive, where a provider found a
	// literal secret in its input (a value, not a reference to a secret
	// store) to the rule that found it. The value is never kept.
	Detected map[string]string `json:"detected,omitempty"`
	// References maps an attribute path to the addresses its configuration
	// expression refers to.
	References map[string][]string `json:"references,omitempty"`
	// Configured lists, sorted, the top-level arguments and nested block
	// types the author wrote in the resource's configuration, so that a
	// policy can tell an omitted argument (the provider's default, or a
	// value the provider computes) from one set to a value unknown until
	// apply. Nil when the input does not say (a plan without its
	// configuration section); empty when the block sets nothing.
	Configured []string `json:"configured,omitzero"`
}

// ScopeSeparator joins a scope and an address into a qualified id. A scope
// is a cleaned slash-separated path or a name without "//", so the first
// separator in an id always ends its scope.
const ScopeSeparator = "//"

// Qualify puts f in scope: its id, base address and every address its
// references name become "scope//address", so that facts of two inputs
// that declare the same address (two Terraform roots, two plans, two
// clusters) stay apart, and a reference links only within its own input.
// An empty scope leaves f as it is.
func (f *Fact) Qualify(scope string) {
	if scope == "" {
		return
	}
	f.Source.Scope = scope
	q := func(addr string) string { return scope + ScopeSeparator + addr }
	f.ID = q(f.ID)
	if f.BaseAddress != "" {
		f.BaseAddress = q(f.BaseAddress)
	}
	for attr, addrs := range f.References {
		out := make([]string, len(addrs))
		for i, a := range addrs {
			out[i] = q(a)
		}
		f.References[attr] = out
	}
}

// DeleteOnly reports whether the fact is a resource whose only planned action
// is delete: it will not exist after the change.
func (f *Fact) DeleteOnly() bool {
	return len(f.Actions) == 1 && f.Actions[0] == "delete"
}

// Sort orders facts by ID, then by source, so every output built from them
// is deterministic; facts equal in all three keep their order. A Fact is a
// few hundred bytes, so it sorts their positions and then moves each fact
// once, rather than swapping facts the many times a stable sort in place
// does (most of the time a 100k-resource plan took to collect).
func Sort(fs []Fact) {
	if len(fs) < 2 || Sorted(fs) {
		return
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(compare(&fs[a], &fs[b]), cmp.Compare(a, b))
	})
	// Position i takes the fact at order[i]: follow each cycle of the
	// permutation, marking the positions filled.
	for i := range order {
		if order[i] < 0 {
			continue
		}
		first := fs[i]
		j := i
		for {
			k := order[j]
			order[j] = -1
			if k == i {
				fs[j] = first
				break
			}
			fs[j] = fs[k]
			j = k
		}
	}
}

// Sorted reports whether fs is in the order Sort gives.
func Sorted(fs []Fact) bool {
	for i := 1; i < len(fs); i++ {
		if compare(&fs[i-1], &fs[i]) > 0 {
			return false
		}
	}
	return true
}

func compare(a, b *Fact) int {
	return cmp.Or(
		cmp.Compare(a.ID, b.ID),
		cmp.Compare(a.Source.File, b.Source.File),
		cmp.Compare(a.Source.Line, b.Source.Line),
	)
}

// CompactReferences sorts each attribute's referenced addresses and drops
// repeats, as Fact.References holds them; an empty map becomes nil.
func CompactReferences(refs map[string][]string) map[string][]string {
	if len(refs) == 0 {
		return nil
	}
	for k, v := range refs {
		slices.Sort(v)
		refs[k] = slices.Compact(v)
	}
	return refs
}

// Document returns the fact as a JSON-compatible value (maps, slices,
// strings, float64, bool, nil), the form both schema validation and the
// policy engine take. Attribute values are shared, not copied.
func (f *Fact) Document() map[string]any {
	src := map[string]any{"provider": f.Source.Provider, "file": f.Source.File}
	if f.Source.Line > 0 {
		src["line"] = float64(f.Source.Line)
	}
	if f.Source.Column > 0 {
		src["column"] = float64(f.Source.Column)
	}
	putString(src, "scope", f.Source.Scope)
	doc := map[string]any{
		"kind":       f.Kind,
		"source":     src,
		"id":         f.ID,
		"attributes": jsonMap(f.Attributes),
	}
	putString(doc, "type", f.Type)
	putString(doc, "base_address", f.BaseAddress)
	putString(doc, "mode", f.Mode)
	putString(doc, "module", f.Module)
	putString(doc, "name", f.Name)
	putString(doc, "provider_name", f.ProviderName)
	switch ix := f.Index.(type) {
	case int:
		doc["index"] = float64(ix)
	case string:
		doc["index"] = ix
	}
	putStrings(doc, "actions", f.Actions)
	putStrings(doc, "unknown", f.Unknown)
	putStrings(doc, "sensitive", f.Sensitive)
	if len(f.Detected) > 0 {
		det := make(map[string]any, len(f.Detected))
		for k, v := range f.Detected {
			det[k] = v
		}
		doc["detected"] = det
	}
	if f.Configured != nil {
		doc["configured"] = stringsToAny(f.Configured)
	}
	if len(f.References) > 0 {
		refs := make(map[string]any, len(f.References))
		for k, v := range f.References {
			refs[k] = stringsToAny(v)
		}
		doc["references"] = refs
	}
	return doc
}

func jsonMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func putString(doc map[string]any, key, v string) {
	if v != "" {
		doc[key] = v
	}
}

func putStrings(doc map[string]any, key string, v []string) {
	if len(v) > 0 {
		doc[key] = stringsToAny(v)
	}
}

func stringsToAny(v []string) []any {
	out := make([]any, len(v))
	for i, s := range v {
		out[i] = s
	}
	return out
}
