package tfsource_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// findingsByPolicy evaluates the built-in policies over one source and
// returns, per policy, the sorted resources it flagged.
func findingsByPolicy(t *testing.T, eng *engine.Engine, src providers.Source) map[string][]string {
	t.Helper()
	ctx := context.Background()
	fs, err := diag.AsError(providers.Collect(ctx, []providers.Source{src}))
	if err != nil {
		t.Fatalf("collect %s: %v", src.Path, err)
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		t.Fatalf("evaluate %s: %v", src.Path, err)
	}
	if errs := report.Errors(); len(errs) > 0 {
		t.Fatalf("evaluate %s: control %s failed: %s", src.Path, errs[0].ID, errs[0].Reason)
	}
	out := map[string][]string{}
	for _, f := range report.Findings {
		out[f.Policy] = append(out[f.Policy], f.Resource)
	}
	for p, rs := range out {
		slices.Sort(rs)
		out[p] = slices.Compact(rs)
	}
	return out
}

// stack is one pair of parity fixtures: the same Terraform stack as plan
// JSON and as source, each in a compliant and a noncompliant variant
// (testdata/plans/README.md, testdata/tf/README.md).
type stack struct {
	name                                string
	noncompliantPlan, compliantPlan     string
	noncompliantSource, compliantSource string
}

// stacks are the parity fixtures. Every built-in AWS resource policy must
// find something in the noncompliant variant of at least one of them; a new
// policy whose resources none holds gets them added to the stack of its
// kind of service, or a new stack here.
var stacks = []stack{
	{
		name:               "demo",
		noncompliantPlan:   "../../testdata/plans/noncompliant.json",
		compliantPlan:      "../../testdata/plans/compliant.json",
		noncompliantSource: "../../testdata/tf/noncompliant",
		compliantSource:    "../../testdata/tf/compliant",
	},
	{
		name:               "aws-platform",
		noncompliantPlan:   "../../testdata/plans/aws-platform-noncompliant.json",
		compliantPlan:      "../../testdata/plans/aws-platform-compliant.json",
		noncompliantSource: "../../testdata/tf/aws-platform/noncompliant",
		compliantSource:    "../../testdata/tf/aws-platform/compliant",
	},
	{
		name:               "aws-edge",
		noncompliantPlan:   "../../testdata/plans/aws-edge-noncompliant.json",
		compliantPlan:      "../../testdata/plans/aws-edge-compliant.json",
		noncompliantSource: "../../testdata/tf/aws-edge/noncompliant",
		compliantSource:    "../../testdata/tf/aws-edge/compliant",
	},
}

// TestPolicyWrittenOnceJudgesPlanAndSource is the point of the Terraform
// source provider: in every fixture stack, every built-in AWS policy flags
// the same resources in the .tf source as in the plan, and nothing in the
// compliant variant of either; and every such policy is exercised, with
// findings, by at least one stack.
func TestPolicyWrittenOnceJudgesPlanAndSource(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	// The AWS policies that judge resource facts alone. Those that also
	// need declared evidence (an asset register, a classification scheme,
	// a personnel register) judge nothing without it; the source gives
	// them tags_all as a plan does (TestDefaultTags).
	var aws, evidenceGated []string
	for _, p := range eng.Policies() {
		if !p.Builtin || !strings.Contains(p.ID, ".aws_") {
			continue
		}
		if slices.ContainsFunc(p.Inputs, func(in string) bool { return !strings.HasPrefix(in, "resource") }) {
			evidenceGated = append(evidenceGated, p.ID)
			continue
		}
		aws = append(aws, p.ID)
	}
	if len(aws) < 22 {
		t.Fatalf("only %d built-in AWS resource policies found: %v", len(aws), aws)
	}
	if want := []string{"c5_12.aws_classification_tags", "c5_16.aws_iam_leavers", "c5_9.aws_asset_tags"}; !slices.Equal(evidenceGated, want) {
		t.Errorf("AWS policies that need evidence = %v, want %v; a new one needs its own source fixture", evidenceGated, want)
	}

	exercised := map[string][]string{}
	for _, s := range stacks {
		t.Run(s.name, func(t *testing.T) {
			plan := findingsByPolicy(t, eng, providers.Source{Path: s.noncompliantPlan, Provider: tfplan.Provider{}})
			source := findingsByPolicy(t, eng, providers.Source{Path: s.noncompliantSource, Provider: tfsource.Provider{}})
			for _, id := range aws {
				if len(plan[id]) > 0 {
					exercised[id] = append(exercised[id], s.name)
				}
				t.Run(id, func(t *testing.T) {
					if !slices.Equal(plan[id], source[id]) {
						t.Errorf("findings differ:\n plan   %q\n source %q", plan[id], source[id])
					}
				})
			}
			for name, src := range map[string]providers.Source{
				"compliant plan":   {Path: s.compliantPlan, Provider: tfplan.Provider{}},
				"compliant source": {Path: s.compliantSource, Provider: tfsource.Provider{}},
			} {
				if got := findingsByPolicy(t, eng, src); len(got) != 0 {
					t.Errorf("%s has findings: %v", name, got)
				}
			}
		})
	}
	for _, id := range aws {
		if len(exercised[id]) == 0 {
			t.Errorf("no noncompliant fixture stack has a finding for %s; add the resources it judges to one", id)
		}
	}
}
