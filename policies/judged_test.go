package policies_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/runner"
)

// checksJudged matches a Rego test that reads the policy's judged set.
var checksJudged = regexp.MustCompile(`\bcheck\.judged\b`)

// TestEveryPolicyDeclaresJudged holds the built-in policies to the judged
// contract of docs/policies.md: each defines `judged`, the facts it judged,
// and its tests check it.
func TestEveryPolicyDeclaresJudged(t *testing.T) {
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range e.Policies() {
		if !p.Builtin || p.AfterRollUp() {
			continue
		}
		n++
		if !p.DeclaresJudged {
			t.Errorf("%s: policy %s defines no judged rule (the ids of the facts it judged, docs/policies.md)", p.File, p.ID)
		}
		testFile := strings.TrimPrefix(strings.TrimSuffix(p.File, ".rego")+"_test.rego", "policies/")
		src, err := fs.ReadFile(policies.FS, testFile)
		if err != nil {
			continue // TestEveryPolicyIsTested names it
		}
		if !checksJudged.Match(src) {
			t.Errorf("%s: no test of policy %s reads check.judged (judged is non-empty when it passes)", testFile, p.ID)
		}
	}
	if n == 0 {
		t.Fatal("no built-in policies loaded")
	}
}

// judgedFixtures are the inputs of testdata on which the built-in policies
// must keep the judged contract.
var judgedFixtures = []string{
	"demo", "mixed", "k8s/good", "k8s/bad", "config/good", "config/bad",
	"tf/compliant", "tf/noncompliant", "tf/omitted/aws", "tf/omitted/azure", "tf/omitted/gcp",
	"tf/aws-edge/compliant", "tf/aws-edge/noncompliant", "tf/aws-platform/compliant", "tf/aws-platform/noncompliant",
}

// TestFindingsAreAboutJudgedFacts evaluates the fixtures of testdata and
// fails on every warning of the judged contract a built-in policy causes:
// a finding about a fact its judged rule does not list, or an id in
// judged that names no fact.
func TestFindingsAreAboutJudgedFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates every fixture")
	}
	plans, err := filepath.Glob(filepath.Join("..", "testdata", "plans", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := plans
	for _, f := range judgedFixtures {
		inputs = append(inputs, filepath.Join("..", "testdata", filepath.FromSlash(f)))
	}
	// One engine for all, as of the demo's effective time.
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		run, err := runner.Resolve(runner.Inputs{Paths: []string{in}, AllowCommands: true})
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		fs, ds, err := run.Collect(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		r, err := runner.Evaluate(context.Background(), eng, fs, ds)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		for _, d := range r.Diagnostics {
			if d.Source == "annexa" && strings.HasPrefix(d.Summary, "policy ") {
				t.Errorf("%s: %s", in, d)
			}
		}
	}
}
