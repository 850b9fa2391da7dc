package policies_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestNoRulePerComputedKey holds the built-in policies to the grouping
// convention of docs/policies.md: no rule adds to an object under a key
// its body computes (`by_id[p.id] := p`, `by_key[k] contains r`). OPA
// adds each such key after comparing it with every key the rule added
// before, so the rule costs time quadratic in its keys while the
// evaluation counts the complexity guard reads stay linear
// (TestPolicyWorkIsLinear cannot see it); an object comprehension over a
// set of pairs is linear. Keys written out in the source (the parameter
// declarations) are fine.
func TestNoRulePerComputedKey(t *testing.T) {
	mods := parseDir(t, ".")
	for _, p := range slices.Sorted(maps.Keys(mods)) {
		for _, r := range mods[p].Rules {
			if name, ok := computedKey(r); ok {
				t.Errorf("%s:%d: %s is built one key at a time by its rule (quadratic in its keys): build it with an object comprehension over a set of [key, value] pairs", p, r.Location.Row, name)
			}
		}
	}
}

// computedKey reports whether r defines an object entry under a key that
// is not written out in its head, and the name of the object.
func computedKey(r *ast.Rule) (string, bool) {
	ref := r.Head.Ref()
	if len(ref) < 2 {
		return "", false
	}
	// A partial set rule (`deny contains f`) has a one-element ref and a
	// key; a multi-value rule (`by_key[k] contains r`) has both a longer
	// ref and a key.
	if r.Head.RuleKind() == ast.MultiValue && len(ref) == 1 {
		return "", false
	}
	for _, t := range ref[1:] {
		if !ast.IsConstant(t.Value) {
			return ref[:1].String(), true
		}
	}
	return "", false
}
