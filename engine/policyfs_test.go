package engine

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/providers/facts"
)

// treeOf copies the embedded policy tree into a MapFS, leaving out tests
// and the files drop names.
func treeOf(t *testing.T, drop ...string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.rego") || slices.Contains(drop, p) {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPolicyFilesRecordsWhatWasCompiled(t *testing.T) {
	dir := writePolicies(t, map[string]string{"ebs.rego": ebsPolicy, "ebs_test.rego": "package annexa.controls.c8_24.test_ebs_test\n"})
	e, err := New(context.Background(), WithPolicyDirs(dir))
	if err != nil {
		t.Fatal(err)
	}
	pf := e.PolicyFiles()
	tree := treeOf(t)
	if !slices.Equal(slices.Sorted(maps.Keys(pf.Builtin)), slices.Sorted(maps.Keys(tree))) {
		t.Errorf("built-in files %v,\nwant every non-test file of the embedded tree %v", slices.Sorted(maps.Keys(pf.Builtin)), slices.Sorted(maps.Keys(tree)))
	}
	for p, f := range tree {
		if !bytes.Equal(pf.Builtin[p], f.Data) {
			t.Errorf("%s recorded with other bytes than the embedded file", p)
		}
	}
	if len(pf.Sources) != 1 || pf.Sources[0].Name != dir || !slices.Equal(slices.Sorted(maps.Keys(pf.Sources[0].Files)), []string{"ebs.rego"}) {
		t.Errorf("sources %+v, want %s with ebs.rego only (tests are not evaluated)", pf.Sources, dir)
	}

	lean, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir))
	if err != nil {
		t.Fatal(err)
	}
	for p := range lean.PolicyFiles().Builtin {
		if strings.HasPrefix(p, "controls/") {
			t.Errorf("without built-in policies, %s is recorded", p)
		}
	}
}

// TestWithPolicyFS: an engine over another tree evaluates that tree's
// policies, not the embedded ones, and names files as the built-ins are
// named.
func TestWithPolicyFS(t *testing.T) {
	ctx := context.Background()
	vol := []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": false})}
	full, err := New(ctx, WithPolicyFS(treeOf(t)))
	if err != nil {
		t.Fatal(err)
	}
	without, err := New(ctx, WithPolicyFS(treeOf(t, "controls/8_24/aws_ebs.rego")))
	if err != nil {
		t.Fatal(err)
	}
	hasEBS := func(e *Engine) bool {
		r, err := e.Evaluate(ctx, vol)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Policy == "c8_24.aws_ebs" })
	}
	if !hasEBS(full) || hasEBS(without) {
		t.Errorf("EBS finding with the full tree %v, without aws_ebs.rego %v; want true, false", hasEBS(full), hasEBS(without))
	}
	for _, p := range full.Policies() {
		if !(strings.HasPrefix(p.File, "policies/controls/") || strings.HasPrefix(p.File, "policies/risk/")) || !p.Builtin {
			t.Errorf("policy %s from %s (built-in %v); want the built-in name", p.ID, p.File, p.Builtin)
		}
	}
	if _, err := New(ctx, WithPolicyFS(fstest.MapFS{})); err == nil || !strings.Contains(err.Error(), "read control catalog") {
		t.Errorf("tree without a catalog: %v", err)
	}
}

func TestWithPolicySources(t *testing.T) {
	src := PolicySource{FS: fstest.MapFS{"x/ebs.rego": {Data: []byte(ebsPolicy)}}, Name: "recorded/1"}
	e, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicySources(src))
	if err != nil {
		t.Fatal(err)
	}
	// The policies over the residual risks stay, like the clause rules.
	ps := slices.DeleteFunc(e.Policies(), (*Policy).AfterRollUp)
	if len(ps) != 1 || ps[0].File != "recorded/1/x/ebs.rego" || ps[0].Builtin {
		t.Errorf("policies %+v, want one from recorded/1/x/ebs.rego", ps)
	}
}

// TestBuiltinFilesAreWhatAnEngineLoads: the tree BuiltinFiles reads is
// the one an engine records, so a verifier can compare a bundle's
// recorded tree with its own.
func TestBuiltinFilesAreWhatAnEngineLoads(t *testing.T) {
	for _, withControls := range []bool{true, false} {
		var opts []Option
		if !withControls {
			opts = append(opts, WithoutBuiltinPolicies())
		}
		e, err := New(context.Background(), opts...)
		if err != nil {
			t.Fatal(err)
		}
		own, err := BuiltinFiles(withControls)
		if err != nil {
			t.Fatal(err)
		}
		recorded := e.PolicyFiles().Builtin
		if changed, onlyEngine, onlyFiles := TreeDiff(recorded, own); len(changed)+len(onlyEngine)+len(onlyFiles) > 0 {
			t.Errorf("controls %v: changed %v, only loaded %v, only in BuiltinFiles %v", withControls, changed, onlyEngine, onlyFiles)
		}
		if TreeDigest(recorded) != TreeDigest(own) {
			t.Errorf("controls %v: digests differ", withControls)
		}
	}
	a := map[string][]byte{"x.rego": []byte("package x"), "c.json": []byte(`{"b": 1, "a": 2}`)}
	b := map[string][]byte{"x.rego": []byte("package x"), "c.json": []byte(`{"a":2,"b":1}`)}
	if TreeDigest(a) != TreeDigest(b) {
		t.Error("JSON layout changed the digest")
	}
	b["x.rego"] = []byte("package y")
	if changed, _, _ := TreeDiff(a, b); !slices.Equal(changed, []string{"x.rego"}) {
		t.Errorf("changed = %v", changed)
	}
}

// TestBuiltinPoliciesPassEveryCheck: the embedded policies compile with
// every stage of the compiler, so skipping the stages of
// builtinSkippedStages (compile with checked) loses no check, and those
// stages rewrite nothing in them: the compiled modules are the same either
// way. A built-in policy that uses print, a template string or
// rego.metadata fails here until its stage leaves the list.
func TestBuiltinPoliciesPassEveryCheck(t *testing.T) {
	for _, withControls := range []bool{true, false} {
		load := func() map[string]*ast.Module {
			loaded, err := loadAllModules(builtinSource(policies.FS), withControls, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			return loaded.modules
		}
		full, err := Compile(load())
		if err != nil {
			t.Fatalf("controls %v: the built-in policies fail a compiler check: %v", withControls, err)
		}
		fast, err := compile(load(), true)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Modules) != len(fast.Modules) {
			t.Fatalf("controls %v: %d modules compiled with every stage, %d without the skipped stages", withControls, len(full.Modules), len(fast.Modules))
		}
		for name, m := range full.Modules {
			if got := fast.Modules[name]; got == nil || got.String() != m.String() {
				t.Errorf("controls %v: %s compiles differently without the skipped stages (builtinSkippedStages): does it use what one of them rewrites?", withControls, name)
			}
		}
	}
}
