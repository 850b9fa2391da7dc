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
	"github.com/annexa-dev/annexa/providers/aws"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

// liveOnly are the AWS policies that judge only facts read from an
// account (its live collection or snapshot): what they check, a plan does
// not show (c8_5.aws_console_mfa: a user's MFA enrolment). The
// equivalence of a plan and its account is about the other policies.
var liveOnly = []string{"c8_5.aws_console_mfa"}

// awsFindings evaluates the built-in policies over one source and
// returns its AWS findings as "policy type/cloud-id: message", the
// resource named by its type and cloud id (attributes.id), which a plan
// of applied infrastructure and the live account share, where their
// addresses differ. It also returns the status of every control an AWS
// policy judged.
func awsFindings(t *testing.T, eng *engine.Engine, src providers.Source) (findings, only []string, statuses map[string]string) {
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
		if slices.Contains(liveOnly, f.Policy) {
			only = append(only, f.Policy+" "+f.Resource)
			continue
		}
		r, ok := ids[f.Resource]
		if !ok {
			t.Fatalf("finding %s on %s: no such fact", f.Policy, f.Resource)
		}
		findings = append(findings, fmt.Sprintf("%s %s/%v: %s", f.Policy, r.Type, r.Attributes["id"], f.Message))
	}
	slices.Sort(findings)
	slices.Sort(only)
	statuses = map[string]string{}
	for _, c := range report.Controls {
		statuses[c.ID] = string(c.Status)
	}
	return findings, only, statuses
}

// TestLiveAccountJudgedAsItsPlan is the point of the AWS provider: the
// realistic fake account and the no-op plan of the Terraform
// configuration that built it (testdata/aws/equivalence-tfplan.json)
// give the same findings of every built-in AWS policy but the live-only
// ones, which find only in the account, and the same status of every
// control (8.5, the control of the live-only c8_5.aws_console_mfa, fails
// in both on the password policy).
func TestLiveAccountJudgedAsItsPlan(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	live, liveOnlyFindings, liveStatus := awsFindings(t, eng, providers.Source{Path: "aws", Provider: provider()})
	plan, planOnlyFindings, planStatus := awsFindings(t, eng, providers.Source{Path: "../../testdata/aws/equivalence-tfplan.json", Provider: tfplan.Provider{}})
	// The live-only policies judge the account and stay silent on the plan.
	if want := []string{`c8_5.aws_console_mfa aws_iam_user_login_profile.global["bob"]`}; !slices.Equal(liveOnlyFindings, want) {
		t.Errorf("live-only findings of the account = %q, want %q", liveOnlyFindings, want)
	}
	if len(planOnlyFindings) > 0 {
		t.Errorf("live-only policies found something in the plan: %q", planOnlyFindings)
	}
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
		"c8_3.aws_s3_public_access aws_s3_account_public_access_block/123456789012",
		"c8_3.aws_s3_public_access aws_s3_bucket/acme-public-site",
		"c8_5.aws_password_policy aws_iam_account_password_policy/iam-account-password-policy",
		"c5_17.aws_access_key_age aws_iam_access_key/AKIABOBKEY00000001",
		"c8_20.aws_rds_public aws_db_instance/db-APP-DB",
		"c8_15.aws_cloudtrail aws_cloudtrail/org-trail",
		"c8_9.aws_imdsv2 aws_instance/i-0legacy",
		"c8_9.aws_imdsv2 aws_launch_template/lt-0legacy",
		"c8_24.aws_ebs aws_instance/i-0legacy",
		"c8_24.aws_ebs aws_launch_template/lt-0legacy",
	} {
		if !slices.ContainsFunc(live, func(f string) bool { return strings.HasPrefix(f, want+":") }) {
			t.Errorf("no finding %s in the live account", want)
		}
	}
	t.Logf("%d AWS findings in both, %d controls", len(live), len(liveStatus))
}

// driftRun evaluates the equivalence plan with the live fake account in
// one run, and returns the drift policy's findings as "resource: message",
// how many facts it assessed, and the inventory warnings.
func driftRun(t *testing.T, eng *engine.Engine) (findings []string, assessed int, inventory diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	fs, ds := providers.Collect(ctx, []providers.Source{
		{Path: "../../testdata/aws/equivalence-tfplan.json", Provider: tfplan.Provider{}},
		{Path: "aws", Provider: provider()},
	})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range report.Findings {
		if f.Policy == "c8_9.drift" {
			findings = append(findings, f.Resource+": "+f.Message)
		}
	}
	for _, c := range report.Controls {
		for _, p := range c.Policies {
			if c.ID == "8.32" && p.Policy == "c8_9.drift" {
				assessed = p.Assessed
			}
		}
	}
	slices.Sort(findings)
	return findings, assessed, aws.Inventory(fs)
}

// TestDriftPlanAgainstLive checks drift between a plan and the live
// account: none when the account is as planned (every managed resource
// matched and judged); and when someone changed it by hand, the changed
// attributes, the resource gone, and the unmanaged resources only counted.
func TestDriftPlanAgainstLive(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("as planned", func(t *testing.T) {
		srv := awsfake.Start(t, awsfake.Realistic())
		fakeEnv(t, srv)
		findings, assessed, inventory := driftRun(t, eng)
		if len(findings) > 0 || len(inventory) > 0 {
			t.Errorf("drift in an account as planned:\n%s\n%v", strings.Join(findings, "\n"), inventory)
		}
		if assessed < 30 {
			t.Errorf("the drift policy assessed %d resources, want every managed one of the plan", assessed)
		}
	})
	t.Run("changed by hand", func(t *testing.T) {
		a := awsfake.Realistic()
		const r = "eu-west-1"
		a.SecurityGroups[r][0].Ingress = append(a.SecurityGroups[r][0].Ingress, awsfake.Rule{Protocol: "tcp", From: 3389, To: 3389, CIDR: "0.0.0.0/0"})
		a.DBInstances[r][0].Public = false
		a.Tables[r] = a.Tables[r][1:] // orders deleted
		a.Buckets = append(a.Buckets, awsfake.Bucket{Name: "acme-console-uploads", Region: r, SSEAlgorithm: "AES256"})
		a.Instances[r][2].HTTPTokens = "required" // i-0legacy fixed by hand
		a.AccountPublicAccessBlock = nil
		srv := awsfake.Start(t, a)
		fakeEnv(t, srv)
		findings, _, inventory := driftRun(t, eng)
		want := []string{
			"aws_db_instance.app: aws_db_instance.app differs in the cloud from the plan: publicly_accessible is false in the cloud, true in the plan",
			"aws_dynamodb_table.orders: aws_dynamodb_table.orders is managed by Terraform but gone from the cloud: no aws_dynamodb_table orders in account 123456789012",
			`aws_instance.legacy: aws_instance.legacy differs in the cloud from the plan: metadata_options is {"required"} in the cloud, {"optional"} in the plan`,
			"aws_s3_account_public_access_block.main: aws_s3_account_public_access_block.main is managed by Terraform but gone from the cloud: no aws_s3_account_public_access_block 123456789012 in account 123456789012",
		}
		if len(findings) != 5 || !slices.Equal(findings[:4], want) || !strings.HasPrefix(findings[4], "aws_security_group.web: aws_security_group.web differs in the cloud from the plan: ingress is ") {
			t.Errorf("drift findings:\n%s", strings.Join(findings, "\n"))
		}
		if len(inventory) != 1 || !strings.Contains(inventory[0].Summary, "2 of the ") ||
			!strings.Contains(inventory[0].Summary, "(aws_s3_bucket 1, aws_s3_bucket_server_side_encryption_configuration 1)") {
			t.Errorf("inventory = %v", inventory)
		}
	})
}
