package engine

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/providers/facts"
)

func TestIdlePolicies(t *testing.T) {
	pols := []*Policy{
		{ID: "c8_24.plan", Package: "annexa.controls.c8_24.plan", Inputs: []string{"resource:aws_s3_bucket"}, Builtin: true},
		{ID: "c5_1.policy", Package: "annexa.controls.c5_1.policy", Inputs: []string{"evidence:policy"}, Builtin: true},
		{ID: "c5_9.assets", Package: "annexa.controls.c5_9.assets", Inputs: []string{"evidence:asset_register", "resource"}, Builtin: true},
		{ID: "c8_2.k8s", Package: "annexa.controls.c8_2.k8s", Inputs: []string{"kubernetes"}, Builtin: true},
		{ID: "c8_9.sshd", Package: "annexa.controls.c8_9.sshd", Inputs: []string{"config:sshd_config"}, Builtin: true},
		{ID: "c5_2.roles", Package: "annexa.controls.c5_2.roles", Inputs: []string{"evidence:role_register"}, Builtin: true},
		{ID: "c5_3.mine", Package: "annexa.controls.c5_3.mine", Inputs: []string{"evidence:policy"}},
		{ID: "c6_1.none", Package: "annexa.controls.c6_1.none", Builtin: true},
		{ID: "c5_4.risks", Package: "annexa.controls.c5_4.risks", Inputs: []string{"risk"}, Builtin: true},
		{ID: "risk.accepted", Package: RiskPackage + ".accepted", Inputs: []string{"evidence:policy"}, Builtin: true},
	}
	// A user's module that reads a built-in policy keeps it; a ref to
	// the whole tree of controls keeps them all.
	mods := map[string]*ast.Module{
		"user/reads.rego": ast.MustParseModule("package annexa.controls.c5_3.mine\nimport data.annexa.controls.c5_2.roles\nx := roles.deny"),
	}
	builtin := map[string]bool{}
	for _, tc := range []struct {
		name    string
		allowed map[string]bool
		mods    map[string]*ast.Module
		want    []string
	}{
		{name: "kinds unknown", allowed: nil, want: nil},
		{name: "plan only", allowed: kindSet(facts.KindResource), want: []string{"c5_1.policy", "c8_2.k8s", "c8_9.sshd", "c5_2.roles"}},
		{name: "plan only, a user reads roles", allowed: kindSet(facts.KindResource), mods: mods, want: []string{"c5_1.policy", "c8_2.k8s", "c8_9.sshd"}},
		{name: "manifests and evidence", allowed: kindSet(facts.KindKubernetes, facts.KindEvidence), want: []string{"c8_24.plan", "c8_9.sshd"}},
		{name: "every kind", allowed: kindSet(facts.KindResource, facts.KindEvidence, facts.KindKubernetes, facts.KindConfig), want: nil},
		{name: "a user reads every control", allowed: kindSet(facts.KindResource),
			mods: map[string]*ast.Module{"user/all.rego": ast.MustParseModule("package annexa.controls.c5_3.mine\nn := count(data.annexa.controls)")}, want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			idle := idlePolicies(pols, tc.allowed, userReaders(tc.mods, builtin))
			var got []string
			for i, p := range pols {
				if idle[i] {
					got = append(got, p.ID)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("idle %v, want %v", got, tc.want)
			}
		})
	}
}

// TestUncompiled: New compiles neither the idle policies nor the built-in
// ones the selection left out, unless a user's module reads them.
func TestUncompiled(t *testing.T) {
	pols := []*Policy{
		{ID: "c8_24.plan", Package: "annexa.controls.c8_24.plan", Builtin: true},
		{ID: "c5_1.policy", Package: "annexa.controls.c5_1.policy", Builtin: true},
	}
	deselected := []*Policy{
		{ID: "c8_20.sg", Package: "annexa.controls.c8_20.sg", Builtin: true},
		{ID: "c5_2.roles", Package: "annexa.controls.c5_2.roles", Builtin: true},
		{ID: "c5_3.mine", Package: "annexa.controls.c5_3.mine"},
	}
	mods := map[string]*ast.Module{
		"user/reads.rego": ast.MustParseModule("package annexa.controls.c5_3.mine\nimport data.annexa.controls.c5_2.roles\nx := roles.deny"),
	}
	got := uncompiled(pols, []bool{false, true}, deselected, userReaders(mods, map[string]bool{}))
	want := []string{"data.annexa.controls.c5_1.policy", "data.annexa.controls.c8_20.sg"}
	if keys := slices.Sorted(maps.Keys(got)); !slices.Equal(keys, want) {
		t.Errorf("uncompiled %v, want %v", keys, want)
	}
}

// TestSelectionCompilesWhatItEvaluates: the built-in policies a selection
// leaves out are not compiled, and the one it keeps finds what it finds
// in a full run.
func TestSelectionCompilesWhatItEvaluates(t *testing.T) {
	ctx := context.Background()
	fs := []facts.Fact{volume("data", []string{"create"}, map[string]any{"encrypted": false})}
	full, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	one, err := New(ctx, WithSelection(Selection{Policies: []string{"c8_24.aws_ebs"}}))
	if err != nil {
		t.Fatal(err)
	}
	controls := 0
	for _, m := range one.compiler.Modules {
		if strings.HasPrefix(m.Package.Path.String(), "data."+ControlsPackage+".") {
			controls++
			if p := m.Package.Path.String(); p != "data."+ControlsPackage+".c8_24.aws_ebs" {
				t.Errorf("%s is compiled though the selection left it out", p)
			}
		}
	}
	if controls != 1 {
		t.Errorf("%d control policies compiled, want 1", controls)
	}
	a, errA := full.Evaluate(ctx, fs)
	b, errB := one.Evaluate(ctx, fs)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if len(a.Findings) != 1 || len(b.Findings) != 1 || a.Findings[0].Fingerprint != b.Findings[0].Fingerprint {
		t.Errorf("findings differ: %v and %v", a.Findings, b.Findings)
	}
}

func kindSet(kinds ...string) map[string]bool {
	var c config
	WithFactKinds(kinds...)(&c)
	return c.factKinds
}

// TestFactKindsOnBuiltins builds the engine of a plan-only run: the
// evidence, configuration and Kubernetes policies are left out, the
// resource ones evaluate, and a fact of a kind it was not built for is
// refused rather than judged by too few policies.
func TestFactKindsOnBuiltins(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, WithFactKinds(facts.KindResource))
	if err != nil {
		t.Fatal(err)
	}
	idle := e.IdlePolicies()
	for _, id := range []string{"c5_9.asset_inventory", "c8_2.k8s_privileged", "c8_2.sshd_root_login"} {
		if !slices.Contains(idle, id) {
			t.Errorf("%s is not left out of a plan-only run", id)
		}
	}
	for _, p := range e.Policies() {
		resource := slices.ContainsFunc(p.Inputs, func(in string) bool { return strings.HasPrefix(in, facts.KindResource) })
		if left := slices.Contains(idle, p.ID); resource && left {
			t.Errorf("%s reads %v but is left out of a plan-only run", p.ID, p.Inputs)
		}
	}
	r, err := e.Evaluate(ctx, []facts.Fact{volume("data", []string{"create"}, map[string]any{"encrypted": false})})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) == 0 {
		t.Error("an unencrypted volume gave no finding")
	}
	ev := facts.Fact{Kind: facts.KindEvidence, Type: "policy", ID: "evidence/policy/isms", Source: facts.Source{Provider: "evidence", File: "isms.yaml"}}
	_, err = e.Evaluate(ctx, []facts.Fact{ev})
	if err == nil || !strings.Contains(err.Error(), `"evidence"`) || !strings.Contains(err.Error(), ev.ID) {
		t.Errorf("an evidence fact on a plan-only engine: got %v, want an error naming the fact and its kind", err)
	}
}

// TestBuiltinModulesKeepToTheirPackage: no built-in module reads a
// control policy other than its own package's rules, which idlePolicies
// relies on to leave one out without looking at the others.
func TestBuiltinModulesKeepToTheirPackage(t *testing.T) {
	mods, _, err := readModules(builtinSource(policies.FS), false)
	if err != nil {
		t.Fatal(err)
	}
	controls := ast.MustParseRef("data." + ControlsPackage)
	for name, m := range mods {
		ast.WalkRefs(m, func(r ast.Ref) bool {
			prefix := r.ConstantPrefix()
			if r.HasPrefix(ast.DefaultRootRef) && (prefix.HasPrefix(controls) || controls.HasPrefix(prefix)) && !prefix.HasPrefix(m.Package.Path) {
				t.Errorf("%s (package %s) refers to %s", name, m.Package.Path, r)
			}
			return false
		})
	}
}
