package policies_test

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies"
)

// TestRegoTests runs every built-in Rego test with OPA's tester, in the same
// sandbox as evaluation, so `go test ./...` fails when a policy does.
func TestRegoTests(t *testing.T) {
	results, err := engine.RunPolicyTests(context.Background(), engine.TestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found")
	}
	for _, r := range results {
		if !r.Pass() {
			t.Errorf("%s.%s failed (%s:%d): %v", r.Package, r.Name, r.Location.File, r.Location.Row, r.Error)
		}
	}
}

// TestEveryPolicyIsTested checks the conventions of docs/policies.md: each
// built-in policy has a _test.rego beside it, in package <policy>_test, with
// at least one test_pass_* and one test_fail_* rule.
func TestEveryPolicyIsTested(t *testing.T) {
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	results, err := engine.RunPolicyTests(context.Background(), engine.TestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]string{}
	for _, r := range results {
		tests[strings.TrimPrefix(r.Package, "data.")] = append(tests[strings.TrimPrefix(r.Package, "data.")], r.Name)
	}
	seen := map[string]string{}
	for _, p := range e.Policies() {
		if !p.Builtin {
			continue
		}
		if prev, dup := seen[p.ID]; dup {
			t.Errorf("policy id %s defined by %s and %s", p.ID, prev, p.File)
		}
		seen[p.ID] = p.File
		testFile := strings.TrimSuffix(p.File, ".rego") + "_test.rego"
		if _, err := fs.Stat(policies.FS, strings.TrimPrefix(testFile, "policies/")); err != nil {
			t.Errorf("%s has no test file %s", p.File, path.Base(testFile))
		}
		var pass, fail bool
		for _, name := range tests[p.Package+"_test"] {
			pass = pass || strings.HasPrefix(name, "test_pass_")
			fail = fail || strings.HasPrefix(name, "test_fail_")
		}
		if !pass || !fail {
			t.Errorf("%s: package %s_test needs a test_pass_* and a test_fail_* rule (has %v)", p.File, p.Package, tests[p.Package+"_test"])
		}
	}
	if len(seen) == 0 {
		t.Fatal("no built-in policies loaded")
	}

	// Every control a policy maps to is backed by at least two Rego tests:
	// at the least, its policy passing and failing.
	perControl := map[string]int{}
	for _, p := range e.Policies() {
		if p.Builtin {
			for _, c := range p.Controls {
				perControl[c] += len(tests[p.Package+"_test"])
			}
		}
	}
	for c, n := range perControl {
		if n < 2 {
			t.Errorf("control %s has %d Rego tests, want at least 2", c, n)
		}
	}
}

// TestEveryClauseIsDecidedAndTested holds the clause rules to the same
// convention as the policies, and checks that every clause of the map that
// has no sub-clauses is decided by exactly one built-in rule, in
// clauses/<id with underscores>.rego.
func TestEveryClauseIsDecidedAndTested(t *testing.T) {
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	results, err := engine.RunPolicyTests(context.Background(), engine.TestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]string{}
	for _, r := range results {
		pkg := strings.TrimPrefix(r.Package, "data.")
		tests[pkg] = append(tests[pkg], r.Name)
	}
	byClause := map[string]*engine.ClauseRule{}
	for _, r := range e.ClauseRules() {
		if !r.Builtin {
			continue
		}
		byClause[r.Clause] = r
		want := "policies/clauses/" + strings.ReplaceAll(r.Clause, ".", "_") + ".rego"
		if r.File != want {
			t.Errorf("rule for clause %s is in %s, want %s", r.Clause, r.File, want)
		}
		if _, err := fs.Stat(policies.FS, strings.TrimPrefix(strings.TrimSuffix(r.File, ".rego")+"_test.rego", "policies/")); err != nil {
			t.Errorf("%s has no test file beside it", r.File)
		}
		var pass, fail bool
		for _, name := range tests[r.Package+"_test"] {
			pass = pass || strings.HasPrefix(name, "test_pass_")
			fail = fail || strings.HasPrefix(name, "test_fail_")
		}
		if !pass || !fail {
			t.Errorf("%s: package %s_test needs a test_pass_* and a test_fail_* rule (has %v)", r.File, r.Package, tests[r.Package+"_test"])
		}
	}
	decided := 0
	for _, c := range e.ClauseMap().Clauses {
		if !c.Decided() {
			continue
		}
		decided++
		if byClause[c.ID] == nil {
			t.Errorf("clause %s (%s) has no rule", c.ID, c.Title)
		}
	}
	if decided != 30 {
		t.Errorf("the clause map decides %d clauses, want the 30 requirements of clauses 4.1 to 10.2", decided)
	}
}

// TestRegoIsFormatted is `opa fmt --list` from Go, so an unformatted policy
// fails the Go tests too.
func TestRegoIsFormatted(t *testing.T) {
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		formatted, err := format.SourceWithOpts(p, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if !bytes.Equal(src, formatted) {
			t.Errorf("%s is not opa fmt clean; run make fmt-rego", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
