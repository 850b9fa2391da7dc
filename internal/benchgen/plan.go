package benchgen

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// planSeeds are the fixtures a generated plan replicates: every plan under
// testdata/plans and the demo's.
func planSeeds(testdata string) ([]map[string]any, error) {
	paths, err := filepath.Glob(filepath.Join(testdata, "plans", "*.json"))
	if err != nil {
		return nil, err
	}
	paths = append(paths, filepath.Join(testdata, "demo", "plans", "tfplan.json"))
	slices.Sort(paths)
	var seeds []map[string]any
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("benchgen: %w", err)
		}
		var plan map[string]any
		if err := json.Unmarshal(b, &plan); err != nil {
			return nil, fmt.Errorf("benchgen: %s: %w", p, err)
		}
		seeds = append(seeds, plan)
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("benchgen: no plans under %s", testdata)
	}
	return seeds, nil
}

// writePlan writes a plan of the seed plans, each copies times, each copy as a module call (module.copyK) so that its
// addresses are its own while the references inside its configuration
// still resolve. Copies are tagged as production and development in turn, the mix that makes 8.31 compare every pair of environments.
func writePlan(path, testdata string, copies int) (int, int64, error) {
	seeds, err := planSeeds(testdata)
	if err != nil {
		return 0, 0, err
	}
	var changes, drift, planned, prior []any
	calls := map[string]any{}
	count := 0
	for k := range copies * len(seeds) {
		seed := seeds[k%len(seeds)]
		mod := fmt.Sprintf("module.copy%d", k)
		env := "prod"
		if (k%len(seeds)+k/len(seeds))%2 == 1 {
			env = "dev"
		}
		rename := copyNames(seed, fmt.Sprintf("-c%d", k))
		for _, rc := range list(seed["resource_changes"]) {
			rc := prefixChange(renamedChange(rc, rename), mod)
			tagEnvironment(rc, env)
			changes = append(changes, rc)
			count++
		}
		for _, rc := range list(seed["resource_drift"]) {
			drift = append(drift, prefixChange(renamedChange(rc, rename), mod))
		}
		if pv, ok := dig(seed, "planned_values", "root_module"); ok {
			planned = append(planned, prefixModule(renamedModule(pv, rename), mod))
		}
		if ps, ok := dig(seed, "prior_state", "values", "root_module"); ok {
			prior = append(prior, prefixModule(renamedModule(ps, rename), mod))
		}
		if cfg, ok := dig(seed, "configuration", "root_module"); ok {
			calls[strings.TrimPrefix(mod, "module.")] = map[string]any{"source": "./copy", "module": clone(cfg)}
		}
	}
	first := seeds[0]
	plan := map[string]any{
		"format_version":    first["format_version"],
		"terraform_version": first["terraform_version"],
		"planned_values":    map[string]any{"root_module": map[string]any{"child_modules": planned}},
		"resource_changes":  changes,
		"prior_state": map[string]any{
			"format_version": first["format_version"], "terraform_version": first["terraform_version"],
			"values": map[string]any{"root_module": map[string]any{"child_modules": prior}},
		},
		"configuration": map[string]any{"root_module": map[string]any{"module_calls": calls}},
		"timestamp":     "2026-11-20T00:00:00Z",
		"applyable":     true,
		"complete":      true,
		"errored":       false,
	}
	if len(drift) > 0 {
		plan["resource_drift"] = drift
	}
	if pc, ok := dig(first, "configuration", "provider_config"); ok {
		plan["configuration"].(map[string]any)["provider_config"] = pc
	}
	b, err := json.Marshal(plan)
	if err != nil {
		return 0, 0, fmt.Errorf("benchgen: encode plan: %w", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return 0, 0, fmt.Errorf("benchgen: %w", err)
	}
	return count, int64(len(b)), nil
}

// copyNames maps the names and cloud ids a seed's resources are known by
// (id, arn, name and an S3 bucket's bucket) to names of their own in a
// copy. Real plans do not hold two buckets of one name; copies that did
// would link every bucket to every copy's companion resources.
func copyNames(seed map[string]any, suffix string) map[string]string {
	out := map[string]string{}
	for _, rc := range list(seed["resource_changes"]) {
		change, _ := rc["change"].(map[string]any)
		for _, side := range []string{"before", "after"} {
			vals, _ := change[side].(map[string]any)
			for _, key := range []string{"id", "arn", "name", "bucket"} {
				if key == "bucket" && rc["type"] != "aws_s3_bucket" {
					continue
				}
				if v, ok := vals[key].(string); ok && v != "" {
					out[v] = v + suffix
				}
			}
		}
	}
	return out
}

// renamedChange copies a resource change with its values renamed.
func renamedChange(rc map[string]any, names map[string]string) map[string]any {
	rc = clone(rc)
	if change, ok := rc["change"].(map[string]any); ok {
		for _, side := range []string{"before", "after"} {
			change[side] = renamed(change[side], names)
		}
	}
	return rc
}

// renamedModule copies a state or planned-values module with the values
// of its resources, and of the modules below it, renamed.
func renamedModule(m map[string]any, names map[string]string) map[string]any {
	m = clone(m)
	var walk func(map[string]any)
	walk = func(m map[string]any) {
		for _, r := range list(m["resources"]) {
			r["values"] = renamed(r["values"], names)
		}
		for _, c := range list(m["child_modules"]) {
			walk(c)
		}
	}
	walk(m)
	return m
}

// renamed deep-copies v with every string that names a seed resource
// replaced by its copy's name.
func renamed(v any, names map[string]string) any {
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			out := make(map[string]any, len(x))
			for k, e := range x {
				out[k] = walk(e)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = walk(e)
			}
			return out
		case string:
			if n, ok := names[x]; ok {
				return n
			}
			return x
		default:
			return v
		}
	}
	return walk(v)
}

// prefixChange moves a resource change into module mod.
func prefixChange(rc map[string]any, mod string) map[string]any {
	for _, key := range []string{"address", "previous_address"} {
		if a, ok := rc[key].(string); ok {
			rc[key] = mod + "." + a
		}
	}
	if m, ok := rc["module_address"].(string); ok && m != "" {
		rc["module_address"] = mod + "." + m
	} else {
		rc["module_address"] = mod
	}
	return rc
}

// prefixModule moves a state or planned-values module, and the modules
// below it, into module mod.
func prefixModule(m map[string]any, mod string) map[string]any {
	if a, ok := m["address"].(string); ok && a != "" {
		m["address"] = mod + "." + a
	} else {
		m["address"] = mod
	}
	for _, r := range list(m["resources"]) {
		if a, ok := r["address"].(string); ok {
			r["address"] = mod + "." + a
		}
	}
	for _, c := range list(m["child_modules"]) {
		prefixModule(c, mod)
	}
	return m
}

// tagEnvironment sets an environment tag on a change's planned values
// where the resource carries tags (AWS, Azure) or labels (Google Cloud).
func tagEnvironment(rc map[string]any, env string) {
	change, _ := rc["change"].(map[string]any)
	after, _ := change["after"].(map[string]any)
	if after == nil {
		return
	}
	for _, key := range []string{"tags", "tags_all", "labels"} {
		v, present := after[key]
		if !present {
			continue
		}
		tags, _ := v.(map[string]any)
		if tags == nil {
			tags = map[string]any{}
		}
		tags["Environment"] = env
		after[key] = tags
	}
}

func list(v any) []map[string]any {
	raw, _ := v.([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, x := range raw {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func dig(m map[string]any, keys ...string) (map[string]any, bool) {
	for _, k := range keys {
		next, ok := m[k].(map[string]any)
		if !ok {
			return nil, false
		}
		m = next
	}
	return m, true
}

// clone deep-copies a decoded JSON value.
func clone[T any](v T) T {
	return deepCopy(any(v)).(T)
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	default:
		return v
	}
}
