package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

// generatePlan writes a Terraform JSON plan of n managed resources spread
// over the types the built-in policies read, a tenth of them misconfigured,
// with linked split resources, unknown values and sensitive values, the way
// a large real plan looks.
func generatePlan(tb testing.TB, n int) string {
	tb.Helper()
	var changes []map[string]any
	add := func(i int, typ string, after map[string]any, unknown, sensitive map[string]any) {
		name := fmt.Sprintf("r%d", i)
		module := fmt.Sprintf("module.m%d", i%50)
		changes = append(changes, map[string]any{
			"address": module + "." + typ + "." + name, "module_address": module, "mode": "managed",
			"type": typ, "name": name, "provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after,
				"after_unknown": unknown, "after_sensitive": sensitive, "before_sensitive": false},
		})
	}
	for i := 0; len(changes) < n; i++ {
		bad := i%10 == 0
		switch i % 8 {
		case 0:
			add(i, "aws_ebs_volume", map[string]any{"encrypted": !bad, "size": 100, "type": "gp3"}, map[string]any{"id": true, "arn": true}, map[string]any{})
		case 1:
			add(i, "aws_s3_bucket", map[string]any{"bucket": fmt.Sprintf("bucket-%d", i), "tags": map[string]any{"env": "prod"}}, map[string]any{"id": true}, map[string]any{})
		case 2:
			add(i, "aws_s3_bucket_public_access_block", map[string]any{"bucket": fmt.Sprintf("bucket-%d", i-1),
				"block_public_acls": !bad, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}, map[string]any{"id": true}, map[string]any{})
		case 3:
			cidr := "10.0.0.0/8"
			if bad {
				cidr = "0.0.0.0/0"
			}
			add(i, "aws_security_group", map[string]any{"name": fmt.Sprintf("sg-%d", i), "ingress": []any{
				map[string]any{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": []any{cidr}, "ipv6_cidr_blocks": []any{}},
				map[string]any{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": []any{"0.0.0.0/0"}, "ipv6_cidr_blocks": []any{}},
			}}, map[string]any{"id": true, "arn": true}, map[string]any{})
		case 4:
			add(i, "aws_db_instance", map[string]any{"engine": "postgres", "storage_encrypted": !bad, "backup_retention_period": 14,
				"multi_az": true, "password": "generated-secret-value"}, map[string]any{"id": true, "endpoint": true}, map[string]any{"password": true})
		case 5:
			action := "s3:GetObject"
			if bad {
				action = "*"
			}
			doc, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{"Effect": "Allow", "Action": action, "Resource": "*"}}})
			add(i, "aws_iam_policy", map[string]any{"name": fmt.Sprintf("p%d", i), "policy": string(doc)}, map[string]any{"id": true, "arn": true}, map[string]any{})
		case 6:
			add(i, "aws_kms_key", map[string]any{"enable_key_rotation": !bad, "customer_master_key_spec": "SYMMETRIC_DEFAULT"}, map[string]any{"id": true, "arn": true}, map[string]any{})
		case 7:
			add(i, "aws_dynamodb_table", map[string]any{"name": fmt.Sprintf("t%d", i), "server_side_encryption": []any{map[string]any{"enabled": true}},
				"point_in_time_recovery": []any{map[string]any{"enabled": !bad}}}, map[string]any{"id": true, "arn": true}, map[string]any{})
		}
	}
	plan := map[string]any{
		"format_version": "1.2", "terraform_version": "1.9.8",
		"planned_values": map[string]any{"root_module": map[string]any{}}, "resource_changes": changes,
		"configuration": map[string]any{"root_module": map[string]any{}},
	}
	b, err := json.Marshal(plan)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("plan-%d.json", n))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkCheck measures the whole check pipeline on generated plans:
// read and parse the plan, validate every fact, evaluate every built-in
// policy and roll up. It reports resources per second.
func BenchmarkCheck(b *testing.B) {
	ctx := context.Background()
	eng, err := New(ctx, WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000} {
		path := generatePlan(b, n)
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				fs, err := diag.AsError(providers.Collect(ctx, []providers.Source{{Path: path, Provider: tfplan.Provider{}}}))
				if err != nil {
					b.Fatal(err)
				}
				r, err := eng.Evaluate(ctx, fs)
				if err != nil {
					b.Fatal(err)
				}
				if r.Summary.Findings == 0 {
					b.Fatal("generated plan produced no findings")
				}
			}
			b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "resources/s")
		})
	}
}

// BenchmarkNew measures loading and compiling the built-in policies, paid
// once per run.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFingerprint fingerprints a finding's message as a run does
// for each of its findings.
func BenchmarkFingerprint(b *testing.B) {
	msg := "aws_security_group.web-01 is tagged as environment dev, but the same configuration also deploys production resources (aws_instance.a and 4283 more); non-production belongs in its own state and account"
	b.ReportAllocs()
	for b.Loop() {
		Fingerprint("c8_31.mixed_environments", "aws_security_group.web-01", msg)
	}
}
