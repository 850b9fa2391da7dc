package main

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

const (
	platformTF       = "../../testdata/tf/aws-platform"
	platformPlanStem = "../../testdata/plans/aws-platform-"
)

// platformFindings are the findings (policy resource) of the noncompliant
// AWS platform stack, in its plan and in its source alike
// (testdata/plans/README.md).
var platformFindings = []string{
	"c8_10.aws_log_retention aws_cloudwatch_log_group.audit",
	"c8_10.aws_log_retention aws_cloudwatch_log_group.ecs_services",
	"c8_10.aws_s3_noncurrent_expiry aws_s3_bucket.config",
	"c8_10.aws_s3_noncurrent_expiry aws_s3_bucket.exports",
	"c8_12.aws_macie aws_macie2_account.main",
	"c8_20.aws_rds_public aws_db_instance.portal",
	"c8_3.aws_s3_bucket_policy aws_s3_bucket_policy.exports",
	"c8_5.aws_rds_iam_auth aws_db_instance.portal",
	"c8_6.aws_dynamodb_autoscaling aws_dynamodb_table.feature_flags",
	"c8_6.aws_dynamodb_autoscaling aws_dynamodb_table.idempotency",
	"c8_6.aws_rds_storage_autoscaling aws_db_instance.portal",
	"c8_7.aws_guardduty aws_guardduty_detector_feature.ebs_malware_protection",
	"c8_8.aws_ecr_scanning aws_ecr_repository.ci_runner",
	`c8_8.aws_ecr_scanning aws_ecr_repository.service["ledger-worker"]`,
	"c8_9.aws_config_recorder aws_config_configuration_recorder.main",
	"c8_9.aws_config_recorder aws_config_configuration_recorder_status.main",
	"c8_9.aws_imdsv2 aws_launch_template.ci_runner",
}

// platformControls are the controls whose AWS policies the platform stack
// exercises; its resources alone assess them.
var platformControls = []string{"8.6", "8.7", "8.8", "8.9", "8.10", "8.12"}

func TestCheckPlatformStack(t *testing.T) {
	t.Parallel()
	checkStack(t, platformTF, platformPlanStem, platformFindings, platformControls, "8.12")
}

// checkStack runs check on both variants of a parity stack, as plan and as
// source: the compliant ones must pass with no findings, the noncompliant
// ones give exactly want (policy resource) and fail controls. A control
// of supportingOnly, which only supporting policies judge in the stack, is
// not assessed in the compliant variants: supporting evidence cannot pass
// it on its own.
func checkStack(t *testing.T, tfDir, planStem string, want, controls []string, supportingOnly ...string) {
	t.Helper()
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"compliant plan", []string{"--plan", planStem + "compliant.json"}, nil},
		{"compliant source", []string{"--tf", filepath.Join(tfDir, "compliant")}, nil},
		{"noncompliant plan", []string{"--plan", planStem + "noncompliant.json"}, want},
		{"noncompliant source", []string{"--tf", filepath.Join(tfDir, "noncompliant")}, want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, res := checkJSON(t, tt.args...)
			code, status := 0, engine.StatusPass
			if len(tt.want) > 0 {
				code, status = 1, engine.StatusFail
			}
			if res.code != code || res.stderr != "" {
				t.Fatalf("exit %d, want %d; stderr: %s", res.code, code, res.stderr)
			}
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Policy+" "+f.Resource)
			}
			slices.Sort(got)
			got = slices.Compact(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings (policy resource):\n got %q\nwant %q", got, tt.want)
			}
			st := statuses(r)
			for _, id := range controls {
				want := status
				if status == engine.StatusPass && slices.Contains(supportingOnly, id) {
					want = engine.StatusNotAssessed
				}
				if st[id] != want {
					t.Errorf("control %s = %s, want %s", id, st[id], want)
				}
			}
		})
	}
}

// TestPlatformSourceLines checks that findings in the platform stack's
// source point at the resource block, also for a for_each instance.
func TestPlatformSourceLines(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(platformTF, "noncompliant")
	sources := findingSources(t, dir, func(f engine.Finding) string { return f.Resource })
	registry := filepath.Join(dir, "registry.tf")
	logs := filepath.Join(dir, "logs.tf")
	for res, loc := range map[string]string{
		`aws_ecr_repository.service["ledger-worker"]`: registry + ":" + strconv.Itoa(declLine(t, registry, `resource "aws_ecr_repository" "service"`)),
		"aws_ecr_repository.ci_runner":                registry + ":" + strconv.Itoa(declLine(t, registry, `resource "aws_ecr_repository" "ci_runner"`)),
		"aws_cloudwatch_log_group.ecs_services":       logs + ":" + strconv.Itoa(declLine(t, logs, `resource "aws_cloudwatch_log_group" "ecs_services"`)),
	} {
		if sources[res] != loc {
			t.Errorf("%s is sourced at %q, want %q", res, sources[res], loc)
		}
	}
}

// findingSources checks the Terraform source in dir, which must have
// findings, and returns the file:line of each finding under key(finding).
func findingSources(t *testing.T, dir string, key func(engine.Finding) string) map[string]string {
	t.Helper()
	r, res := checkJSON(t, "--tf", dir)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	sources := map[string]string{}
	for _, f := range r.Findings {
		if f.Source != nil {
			sources[key(f)] = f.Source.File + ":" + strconv.Itoa(f.Source.Line)
		}
	}
	return sources
}
