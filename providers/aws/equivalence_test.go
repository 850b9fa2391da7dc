package aws_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/awsfake"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

// awsFindings evaluates the built-in policies over one source and
// returns its AWS findings as "policy type/cloud-id: message", the
// resource named by its type and cloud id (attributes.id), which a plan
// of applied infrastructure and the live account share, where their
// addresses differ. It also returns the status of every control an AWS
// policy judged.
func awsFindings(t *testing.T, eng *engine.Engine, src providers.Source) (findings []string, statuses map[string]string) {
	t.Helper()
	ctx := context.Background()
	fs, err := diag.AsError(providers.Collect(ctx, []providers.Source{src}))
	if err != nil {
		t.Fatalf("collect %s: %v", src.Path, err)
	}
	ids := map[string]facts.Fact{}
	for _, f := range fs {
		ids[f.ID] = f
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		t.Fatalf("evaluate %s: %v", src.Path, err)
	}
	for _, f := range report.Findings {
		if !strings.Contains(f.Policy, ".aws_") {
			continue
		}
		r, ok := ids[f.Resource]
		if !ok {
			t.Fatalf("finding %s on %s: no such fact", f.Policy, f.Resource)
		}
		findings = append(findings, fmt.Sprintf("%s %s/%v: %s", f.Policy, r.Type, r.Attributes["id"], f.Message))
	}
	slices.Sort(findings)
	statuses = map[string]string{}
	for _, c := range report.Controls {
		statuses[c.ID] = string(c.Status)
	}
	return findings, statuses
}

// TestLiveAccountJudgedAsItsPlan is the point of the AWS provider: the
// realistic fake account and the no-op plan of the Terraform
// configuration that built it (testdata/aws/equivalence-tfplan.json)
// give the same findings of every built-in AWS policy, and the same
// status of every control.
func TestLiveAccountJudgedAsItsPlan(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	live, liveStatus := awsFindings(t, eng, providers.Source{Path: "aws", Provider: provider()})
	plan, planStatus := awsFindings(t, eng, providers.Source{Path: "../../testdata/aws/equivalence-tfplan.json", Provider: tfplan.Provider{}})
	if len(plan) < 15 {
		t.Errorf("only %d findings in the plan; the fixture should exercise most AWS policies:\n%s", len(plan), strings.Join(plan, "\n"))
	}
	for _, f := range plan {
		if !slices.Contains(live, f) {
			t.Errorf("only in the plan: %s", f)
		}
	}
	for _, f := range live {
		if !slices.Contains(plan, f) {
			t.Errorf("only in the live account: %s", f)
		}
	}
	for id, st := range planStatus {
		if liveStatus[id] != st {
			t.Errorf("control %s: plan %s, live %s", id, st, liveStatus[id])
		}
	}
	// Sanity: the findings a reader of the account expects are there.
	for _, want := range []string{
		"c8_20.aws_security_group aws_security_group/sg-0web",
		"c8_16.aws_vpc_flow_logs aws_vpc/vpc-0lab",
		"c8_24.aws_ebs aws_ebs_volume/vol-0scratch",
		"c8_24.aws_kms_rotation aws_kms_key/key-legacy",
		"c8_13.aws_dynamodb_pitr aws_dynamodb_table/orders",
		"c8_2.aws_iam_admin aws_iam_policy/arn:aws:iam::123456789012:policy/break-glass-admin",
		"c8_3.aws_s3_bucket_policy aws_s3_bucket_policy/acme-public-site",
		"c8_5.aws_password_policy aws_iam_account_password_policy/iam-account-password-policy",
		"c8_20.aws_rds_public aws_db_instance/db-APP-DB",
		"c8_15.aws_cloudtrail aws_cloudtrail/org-trail",
	} {
		if !slices.ContainsFunc(live, func(f string) bool { return strings.HasPrefix(f, want+":") }) {
			t.Errorf("no finding %s in the live account", want)
		}
	}
	t.Logf("%d AWS findings in both, %d controls", len(live), len(liveStatus))
}
