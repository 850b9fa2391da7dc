package tfplan

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/redact"
)

// planConfig is the part of a plan's "configuration" annexa reads: the
// modules' resources with their expressions, the module calls and which
// root variables are sensitive. It decodes the same JSON as terraform-json's
// Config but skips everything else (providers, outputs, count and for_each
// expressions, provisioners), and decodes each expression in one pass
// where Config's expressions try an array first and then an object: on a
// large plan, decoding the configuration was a good part of reading it.
type planConfig struct {
	RootModule *configModule `json:"root_module"`
}

type configModule struct {
	Resources   []*configResource          `json:"resources"`
	ModuleCalls map[string]*moduleCall     `json:"module_calls"`
	Variables   map[string]*configVariable `json:"variables"`
}

type configResource struct {
	Mode        string                 `json:"mode"`
	Type        string                 `json:"type"`
	Name        string                 `json:"name"`
	Expressions map[string]*expression `json:"expressions"`
}

type moduleCall struct {
	Module *configModule `json:"module"`
}

type configVariable struct {
	Sensitive bool `json:"sensitive"`
}

// expression is one argument of a resource's configuration, as
// terraform-json's Expression reads it: a JSON array is a list of nested
// blocks, an object a value with its references and, when it has none,
// its constant value.
type expression struct {
	// constant is the constant value; hasConstant is false when the
	// expression has references or no constant_value.
	constant    any
	hasConstant bool
	references  []string
	blocks      []map[string]*expression
}

// UnmarshalJSON implements json.Unmarshaler.
func (e *expression) UnmarshalJSON(b []byte) error {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, &e.blocks)
	}
	var d struct {
		ConstantValue any      `json:"constant_value"`
		References    []string `json:"references"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return err
	}
	e.references = d.References
	if d.ConstantValue != nil && len(d.References) == 0 {
		e.constant, e.hasConstant = d.ConstantValue, true
	}
	return nil
}

// configIndex finds a resource's configuration block by the module calls
// leading to it and its address inside the module.
type configIndex map[string]*configResource

func configKey(calls []string, mode, typ, name string) string {
	local := typ + "." + name
	if mode == string(tfjson.DataResourceMode) {
		local = "data." + local
	}
	return strings.Join(calls, "/") + "|" + local
}

func indexConfig(cfg *planConfig) configIndex {
	idx := configIndex{}
	if cfg != nil {
		idx.add(nil, cfg.RootModule, 0)
	}
	return idx
}

// maxModuleDepth stops a hostile plan with absurdly nested modules from
// exhausting the stack; Terraform itself has no practical use beyond a few.
const maxModuleDepth = 64

func (idx configIndex) add(calls []string, m *configModule, depth int) {
	if m == nil || depth > maxModuleDepth {
		return
	}
	for _, r := range m.Resources {
		if r != nil {
			idx[configKey(calls, r.Mode, r.Type, r.Name)] = r
		}
	}
	for name, call := range m.ModuleCalls {
		if call != nil {
			idx.add(append(slices.Clip(calls), name), call.Module, depth+1)
		}
	}
}

// lookup returns the configuration block of a resource, nil when the plan
// has none for it.
func (idx configIndex) lookup(module, mode, typ, name string) *configResource {
	return idx[configKey(moduleCallPath(module), mode, typ, name)]
}

// references returns, per attribute path, the resource addresses that the
// configuration expressions of r refer to, resolved in the module instance
// module.
func (r *configResource) references(module string) map[string][]string {
	if r == nil {
		return nil
	}
	out := map[string][]string{}
	collectRefs(out, module, "", r.Expressions, 0)
	return facts.CompactReferences(out)
}

// configured returns, sorted, the top-level arguments and nested block
// types the configuration r writes (its expressions), or nil when there is
// no configuration. Every count or for_each instance shares its resource's
// configuration. Terraform leaves dynamic blocks out of a plan's
// configuration, so a block type written only as dynamic blocks is not
// listed.
func (r *configResource) configured() []string {
	if r == nil {
		return nil
	}
	out := make([]string, 0, len(r.Expressions))
	for attr := range r.Expressions {
		out = append(out, attr)
	}
	slices.Sort(out)
	return out
}

func collectRefs(out map[string][]string, module, prefix string, exprs map[string]*expression, depth int) {
	if depth > maxModuleDepth {
		return
	}
	for attr, e := range exprs {
		if e == nil {
			continue
		}
		path := redact.Join(prefix, attr)
		for _, ref := range e.references {
			if addr := resolveReference(module, ref); addr != "" {
				out[path] = append(out[path], addr)
			}
		}
		for _, block := range e.blocks {
			collectRefs(out, module, path, block, depth+1)
		}
	}
}

// literals mirrors the configuration r with only its constant values: the
// literals written in the .tf source, as an attribute object (nested
// blocks as lists of objects), or nil when there is no configuration. A
// plan can hold a literal that its resource's planned values do not: the
// AWS provider stores an instance's user_data as a hash, so a secret
// written into it is only in the configuration.
func (r *configResource) literals() map[string]any {
	if r == nil {
		return nil
	}
	return constants(r.Expressions, 0)
}

func constants(exprs map[string]*expression, depth int) map[string]any {
	if depth > maxModuleDepth {
		return nil
	}
	var out map[string]any
	put := func(k string, v any) {
		if out == nil {
			out = make(map[string]any, len(exprs))
		}
		out[k] = v
	}
	for attr, e := range exprs {
		if e == nil {
			continue
		}
		if e.hasConstant {
			put(attr, e.constant)
			continue
		}
		var blocks []any
		for _, b := range e.blocks {
			if m := constants(b, depth+1); m != nil {
				blocks = append(blocks, m)
			} else {
				blocks = append(blocks, map[string]any{})
			}
		}
		if len(blocks) > 0 {
			put(attr, blocks)
		}
	}
	return out
}
