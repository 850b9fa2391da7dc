package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/awsfake"
)

const awsEquivalencePlan = "../../testdata/aws/equivalence-tfplan.json"

// awsPolicyFindings are a report's findings of AWS policies as "policy:
// message", sorted: the live account and a plan name the same resource
// by different addresses, but judge it with the same words.
func awsPolicyFindings(r *engine.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if strings.Contains(f.Policy, ".aws_") && f.Policy != awsLiveOnlyPolicy {
			out = append(out, f.Policy+": "+f.Message)
		}
	}
	slices.Sort(out)
	return out
}

// awsLiveOnlyPolicy judges only facts read from an account: a user's MFA
// enrolment is in no plan. awsPolicyFindings leaves it out, and
// awsLiveOnlyFinding is what it finds in the fake account.
const (
	awsLiveOnlyPolicy  = "c8_5.aws_console_mfa"
	awsLiveOnlyFinding = "IAM user bob has a console password and no MFA device"
)

// liveOnlyFindings returns the messages of awsLiveOnlyPolicy's findings.
func liveOnlyFindings(r *engine.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Policy == awsLiveOnlyPolicy {
			out = append(out, f.Message)
		}
	}
	return out
}

// TestAWSLiveSnapshotAndPlanAgree runs the built CLI against the fake AWS
// endpoint: check --aws, collect aws, check --snapshot and check --plan of
// the equivalent plan give the same AWS findings (but those of the
// live-only policy: live and snapshot only), and the snapshot goes
// into a signed bundle that verifies.
func TestAWSLiveSnapshotAndPlanAgree(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	dir := t.TempDir()
	env := append(srv.Env(dir), withPassword...)

	live := annexaBinary(t, dir, env, "check", "--aws", "--format", "json", effective)
	if live.code != 1 {
		t.Fatalf("check --aws: exit %d, want 1\n%s", live.code, live.stderr)
	}
	plan := annexaBinary(t, dir, env, "check", "--plan", abs(t, awsEquivalencePlan), "--format", "json", effective)
	if plan.code != 1 {
		t.Fatalf("check --plan: exit %d, want 1\n%s", plan.code, plan.stderr)
	}
	liveFindings, planFindings := awsPolicyFindings(reportOf(t, live)), awsPolicyFindings(reportOf(t, plan))
	if len(planFindings) < 15 || !slices.Equal(liveFindings, planFindings) {
		t.Errorf("AWS findings differ:\n live %q\n plan %q", liveFindings, planFindings)
	}
	if got := liveOnlyFindings(reportOf(t, live)); !slices.Equal(got, []string{awsLiveOnlyFinding}) {
		t.Errorf("live %s findings = %q", awsLiveOnlyPolicy, got)
	}
	if got := liveOnlyFindings(reportOf(t, plan)); len(got) > 0 {
		t.Errorf("plan %s findings = %q, want none: a plan does not show MFA", awsLiveOnlyPolicy, got)
	}
	for _, f := range reportOf(t, live).Findings {
		if f.Source == nil || f.Source.File != "aws://"+awsfake.AccountID || f.Source.Provider != "aws" {
			t.Errorf("live finding %s on %s has source %+v", f.Policy, f.Resource, f.Source)
			break
		}
	}

	res := annexaBinary(t, dir, env, "collect", "aws", "--out", "snapshot.json")
	if res.code != 0 || !strings.Contains(res.stderr, "of AWS account "+awsfake.AccountID+" (1 regions) to snapshot.json") {
		t.Fatalf("collect aws: exit %d\n%s", res.code, res.stderr)
	}
	var snap struct {
		Format      string `json:"annexa_snapshot"`
		AccountID   string `json:"account_id"`
		CollectedAt string `json:"collected_at"`
		Facts       []map[string]any
	}
	data, err := os.ReadFile(filepath.Join(dir, "snapshot.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &snap); err != nil {
		t.Fatal(err)
	}
	if snap.Format != "aws/v1" || snap.AccountID != awsfake.AccountID || snap.CollectedAt == "" || len(snap.Facts) < 30 {
		t.Errorf("snapshot: format %q account %q collected %q, %d facts", snap.Format, snap.AccountID, snap.CollectedAt, len(snap.Facts))
	}
	if strings.Contains(string(data), "fake-secret-for-tests") {
		t.Error("the snapshot holds the secret access key")
	}

	// Offline: no endpoint, no credentials.
	offline := []string{"AWS_EC2_METADATA_DISABLED=true", "COSIGN_PASSWORD=" + testKeyPassword}
	res = annexaBinary(t, dir, offline, "check", "--snapshot", "snapshot.json", "--format", "json", effective,
		"--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"))
	if res.code != 1 {
		t.Fatalf("check --snapshot: exit %d\n%s", res.code, res.stderr)
	}
	if got := awsPolicyFindings(reportOf(t, res)); !slices.Equal(got, planFindings) {
		t.Errorf("snapshot findings differ from the plan's:\n snapshot %q\n plan     %q", got, planFindings)
	}
	if got := liveOnlyFindings(reportOf(t, res)); !slices.Equal(got, []string{awsLiveOnlyFinding}) {
		t.Errorf("snapshot %s findings = %q", awsLiveOnlyPolicy, got)
	}
	res = annexaBinary(t, dir, offline, "verify", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.pub"), "--replay")
	if res.code != 0 {
		t.Errorf("verify --replay of the snapshot's bundle: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stdout+res.stderr, "snapshot.json") {
		t.Errorf("the bundle does not record the snapshot as an input:\n%s%s", res.stdout, res.stderr)
	}

	// A project file names a live account and a snapshot.
	project := "version: 1\nsources:\n  - aws: eu-west-1\n  - snapshot: snapshot.json\n"
	if err := os.WriteFile(filepath.Join(dir, "annexa.yaml"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	res = annexaBinary(t, dir, env, "facts", ".", "--type", "aws_kms_key")
	if res.code != 2 || !strings.Contains(res.stderr, "annexa reads cloud accounts named in a project file only with --allow-cloud") {
		t.Errorf("a project file read a cloud account without --allow-cloud: exit %d\n%s", res.code, res.stderr)
	}
	res = annexaBinary(t, dir, env, "facts", ".", "--type", "aws_kms_key", "--allow-cloud")
	if res.code != 0 || !strings.Contains(res.stdout, `"aws:eu-west-1//aws_kms_key.eu-west-1[\"key-legacy\"]"`) ||
		!strings.Contains(res.stdout, `"snapshot.json//aws_kms_key.eu-west-1[\"key-legacy\"]"`) {
		t.Errorf("facts of a project with aws and snapshot entries: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if err := os.Remove(filepath.Join(dir, "annexa.yaml")); err != nil {
		t.Fatal(err)
	}

	// A snapshot given alone as a path is recognised as one.
	res = annexaBinary(t, dir, offline, "facts", "snapshot.json", "--type", "aws_kms_key")
	if res.code != 0 || !strings.Contains(res.stdout, `"aws_kms_key.eu-west-1[\"key-legacy\"]"`) {
		t.Errorf("facts snapshot.json: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}

// TestAWSNotAssessedAndErrors checks how the AWS sources fail: a denied
// service is a warning and leaves its controls unjudged, while bad flags
// and bad snapshots are input errors (exit 2) naming what is wrong.
func TestAWSNotAssessedAndErrors(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	dir := t.TempDir()
	env := srv.Env(dir)
	srv.Deny("dynamodb")
	res := annexaBinary(t, dir, env, "check", "--aws=eu-west-1", "--format", "json", effective)
	if res.code != 1 || !strings.Contains(res.stderr, "warning: aws:eu-west-1: AWS dynamodb in eu-west-1 not assessed: AccessDeniedException") {
		t.Errorf("denied service: exit %d\n%s", res.code, res.stderr)
	}
	for _, f := range reportOf(t, res).Findings {
		if strings.Contains(f.Policy, "dynamodb") {
			t.Errorf("finding of a denied service: %s %s", f.Policy, f.Resource)
		}
	}

	if err := os.WriteFile(filepath.Join(dir, "plan-as-snapshot.json"), []byte(`{"format_version": "1.2"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "old.json"), []byte(`{"annexa_snapshot": "aws/v0", "account_id": "1", "collected_at": "2026-01-01T00:00:00Z"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--aws=eu-west-1,all"}, `--aws=eu-west-1,all: "all" stands alone`},
		{[]string{"check", "--aws=EU"}, `"EU" is not a region name`},
		{[]string{"check", "--snapshot", "missing.json"}, "missing.json"},
		{[]string{"check", "--snapshot", "plan-as-snapshot.json"}, `plan-as-snapshot.json: not an annexa snapshot: no "annexa_snapshot" field`},
		{[]string{"check", "--snapshot", "old.json"}, `old.json: field "annexa_snapshot": unknown snapshot format "aws/v0"`},
		{[]string{"check", "--region", "eu-west-1"}, "--region names the regions of a live AWS account; add --aws"},
		{[]string{"check", "--aws=eu-west-1", "--region", "us-east-1"}, "--region and aws:eu-west-1 both name regions; name them once"},
		{[]string{"collect", "aws"}, "--out FILE is required"},
		{[]string{"collect", "aws", "--region", "nowhere", "--out", "x.json"}, `--region nowhere: "nowhere" is not a region name`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			res := annexaBinary(t, dir, env, tt.args...)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("exit %d, want 2 saying %q\n%s", res.code, tt.want, res.stderr)
			}
		})
	}

	res = annexaBinary(t, dir, env, "facts", "--aws", "--region", "eu-west-1", "--region", "us-east-1", "--type", "aws_ebs_encryption_by_default")
	if res.code != 0 || !strings.Contains(res.stdout, `aws_ebs_encryption_by_default.us-east-1[\"us-east-1\"]`) || !strings.Contains(res.stdout, `aws_ebs_encryption_by_default.eu-west-1[\"eu-west-1\"]`) {
		t.Errorf("facts --aws --region --region: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}

	srv.Deny("sts")
	res = annexaBinary(t, dir, env, "collect", "aws", "--out", "x.json")
	if res.code != 2 || !strings.Contains(res.stderr, "read the account id (sts:GetCallerIdentity): AccessDenied") {
		t.Errorf("no identity: exit %d\n%s", res.code, res.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Error("a failed collection wrote a snapshot")
	}
	res = annexaBinary(t, dir, nil, "collect", "aws", "--iam-policy")
	if res.code != 0 || !strings.Contains(res.stdout, `"s3:GetBucketPolicy"`) {
		t.Errorf("collect aws --iam-policy: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}

// TestAWSDriftBetweenPlanAndSnapshot collects a snapshot of an account
// someone changed by hand and checks it with the plan of its
// configuration: the drift is a finding under 8.9 and 8.32, and the
// resources no plan manages are only counted.
func TestAWSDriftBetweenPlanAndSnapshot(t *testing.T) {
	a := awsfake.Realistic()
	const r = "eu-west-1"
	a.SecurityGroups[r][0].Ingress = append(a.SecurityGroups[r][0].Ingress, awsfake.Rule{Protocol: "tcp", From: 3389, To: 3389, CIDR: "0.0.0.0/0"})
	a.Buckets = append(a.Buckets, awsfake.Bucket{Name: "acme-console-uploads", Region: r, SSEAlgorithm: "AES256"})
	srv := awsfake.Start(t, a)
	dir := t.TempDir()
	if res := annexaBinary(t, dir, srv.Env(dir), "collect", "aws", "--out", "snapshot.json"); res.code != 0 {
		t.Fatalf("collect aws: exit %d\n%s", res.code, res.stderr)
	}
	res := annexaBinary(t, dir, []string{"AWS_EC2_METADATA_DISABLED=true"}, "check", "--plan", abs(t, awsEquivalencePlan), "--snapshot", "snapshot.json", "--format", "json", effective)
	if res.code != 1 {
		t.Fatalf("check --plan --snapshot: exit %d\n%s", res.code, res.stderr)
	}
	rep := reportOf(t, res)
	var drift []string
	for _, f := range rep.Findings {
		if f.Policy == "c8_9.drift" {
			drift = append(drift, f.Message)
		}
	}
	if len(drift) != 1 || !strings.Contains(drift[0], "aws_security_group.web differs in the cloud from the plan: ingress is ") {
		t.Errorf("drift findings = %q", drift)
	}
	st := statuses(rep)
	if st["8.32"] != engine.StatusFail || st["8.9"] != engine.StatusFail {
		t.Errorf("8.9 %s, 8.32 %s; want both fail", st["8.9"], st["8.32"])
	}
	if !strings.Contains(res.stderr, "inventory: 2 of the ") || !strings.Contains(res.stderr, "(aws_s3_bucket 1, aws_s3_bucket_server_side_encryption_configuration 1)") {
		t.Errorf("no inventory warning:\n%s", res.stderr)
	}
}
