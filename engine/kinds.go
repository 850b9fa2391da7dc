package engine

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/providers/facts"
)

// WithFactKinds tells New the only kinds of fact (facts.Kind...) Evaluate
// will be given, besides the declarations of the ISMS (applicability,
// risks, risk settings, parameters), which are always allowed. A built-in
// control policy whose every input is of another kind is then neither
// compiled nor evaluated: with nothing to read it can find nothing and
// assess nothing, which is the outcome it is given (the built-in policies
// are held to that by TestIdlePoliciesChangeNothing). A plan-only run
// leaves out the evidence, configuration and Kubernetes policies, and
// with them a quarter of its start-up. Evaluate refuses a fact of any
// other kind.
func WithFactKinds(kinds ...string) Option {
	return func(c *config) {
		c.factKinds = map[string]bool{}
		for _, k := range kinds {
			c.factKinds[k] = true
		}
		for _, k := range declarationKinds {
			c.factKinds[k] = true
		}
	}
}

// declarationKinds are the kinds a run declares about its ISMS rather
// than collects from its systems; WithFactKinds always allows them.
var declarationKinds = []string{facts.KindApplicability, facts.KindRisk, facts.KindRiskSettings, facts.KindParameters}

// userReaders returns a test of whether a module other than the built-in
// ones refers to a policy package: such a policy is always compiled, so
// that leaving it out cannot change what the user's policy sees. Built-in
// modules refer to no control policy but their own
// (TestBuiltinModulesKeepToTheirPackage).
func userReaders(mods map[string]*ast.Module, builtin map[string]bool) func(pkg string) bool {
	var refs []ast.Ref
	for name, m := range mods {
		if builtin[name] {
			continue
		}
		ast.WalkRefs(m, func(r ast.Ref) bool {
			if r.HasPrefix(ast.DefaultRootRef) {
				refs = append(refs, r.ConstantPrefix())
			}
			return false
		})
	}
	return func(pkg string) bool {
		path := ast.MustParseRef("data." + pkg)
		return slices.ContainsFunc(refs, func(r ast.Ref) bool {
			return r.HasPrefix(path) || path.HasPrefix(r)
		})
	}
}

// idlePolicies marks, in the order of pols, the built-in control policies
// that read no fact of the kinds allowed (nil allows every kind) and that
// no user's module refers to.
func idlePolicies(pols []*Policy, allowed map[string]bool, userRead func(pkg string) bool) []bool {
	idle := make([]bool, len(pols))
	if allowed == nil {
		return idle
	}
	for i, p := range pols {
		if !p.Builtin || p.AfterRollUp() || len(p.Inputs) == 0 {
			continue
		}
		reads := slices.ContainsFunc(p.Inputs, func(in string) bool {
			kind, _, _ := strings.Cut(in, ":")
			return allowed[kind]
		})
		idle[i] = !reads && !userRead(p.Package)
	}
	return idle
}

// uncompiled returns the packages New does not compile: those of the idle
// policies, and those of the built-in policies the selection left out
// that no user's module refers to.
func uncompiled(pols []*Policy, idle []bool, deselected []*Policy, userRead func(pkg string) bool) map[string]bool {
	pkgs := map[string]bool{}
	for i, p := range pols {
		if idle[i] {
			pkgs["data."+p.Package] = true
		}
	}
	for _, p := range deselected {
		if p.Builtin && !userRead(p.Package) {
			pkgs["data."+p.Package] = true
		}
	}
	return pkgs
}

// without returns mods without the modules of the packages pkgs.
func without(mods map[string]*ast.Module, pkgs map[string]bool) map[string]*ast.Module {
	if len(pkgs) == 0 {
		return mods
	}
	out := maps.Clone(mods)
	maps.DeleteFunc(out, func(_ string, m *ast.Module) bool { return pkgs[m.Package.Path.String()] })
	return out
}

// checkKinds refuses facts of a kind the engine was not built for
// (WithFactKinds): the policies that read them may have been left out.
func (e *Engine) checkKinds(idx *factIndex) error {
	if e.factKinds == nil {
		return nil
	}
	for _, kind := range slices.Sorted(maps.Keys(idx.byKind)) {
		if !e.factKinds[kind] {
			return fmt.Errorf("fact %s is of kind %q, which the engine was not built to evaluate (WithFactKinds)", idx.byKind[kind][0].ID, kind)
		}
	}
	return nil
}

// IdlePolicies lists the ids of the policies New left out because they
// read no fact of the kinds of WithFactKinds.
func (e *Engine) IdlePolicies() []string {
	var ids []string
	for i, p := range e.policies {
		if e.idle[i] {
			ids = append(ids, p.ID)
		}
	}
	return ids
}
