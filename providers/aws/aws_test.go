package aws_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/internal/awsfake"
	"github.com/annexa-dev/annexa/providers/aws"
	"github.com/annexa-dev/annexa/providers/facts"
)

// fakeEnv points the SDK at srv for the test: static credentials, no
// instance metadata, no shared files of the machine.
func fakeEnv(t *testing.T, srv *awsfake.Server) {
	t.Helper()
	for _, kv := range srv.Env(t.TempDir()) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

var collected = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func provider() aws.Provider {
	return aws.Provider{MaxBackoff: time.Millisecond, Now: func() time.Time { return collected }}
}

func byID(fs []facts.Fact) map[string]facts.Fact {
	out := map[string]facts.Fact{}
	for _, f := range fs {
		out[f.ID] = f
	}
	return out
}

func TestCollectRealisticAccount(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	snap, ds := provider().Snapshot(context.Background(), "")
	if ds.HasErrors() || len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if snap.AccountID != awsfake.AccountID || !snap.CollectedAt.Equal(collected) || !slices.Equal(snap.Regions, []string{"eu-west-1"}) {
		t.Errorf("snapshot header = %s %v %v", snap.AccountID, snap.CollectedAt, snap.Regions)
	}
	got := byID(snap.Facts)
	tests := []struct {
		id, attr string
		want     any
	}{
		{`aws_s3_bucket.eu-west-1["acme-logs"]`, "bucket", "acme-logs"},
		{`aws_s3_bucket.eu-west-1["acme-logs"]`, "tags_all", map[string]any{"Owner": "platform@acme.example", "Environment": "prod", "DataClassification": "internal"}},
		{`aws_s3_bucket_server_side_encryption_configuration.eu-west-1["acme-data"]`, "rule", []any{map[string]any{
			"apply_server_side_encryption_by_default": []any{map[string]any{"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:123456789012:key/key-data"}},
			"bucket_key_enabled":                      false}}},
		{`aws_s3_bucket_public_access_block.eu-west-1["acme-data"]`, "ignore_public_acls", false},
		{`aws_s3_account_public_access_block.global["123456789012"]`, "restrict_public_buckets", false},
		{`aws_s3_account_public_access_block.global["123456789012"]`, "ignore_public_acls", true},
		{`aws_s3_account_public_access_block.global["123456789012"]`, "account_id", "123456789012"},
		{`aws_s3_bucket_versioning.eu-west-1["acme-data"]`, "versioning_configuration", []any{map[string]any{"status": "Suspended", "mfa_delete": "Disabled"}}},
		{`aws_s3_bucket_logging.eu-west-1["acme-data"]`, "target_bucket", "acme-logs"},
		{`aws_s3_bucket_policy.eu-west-1["acme-public-site"]`, "bucket", "acme-public-site"},
		{`aws_security_group.eu-west-1["sg-0web"]`, "vpc_id", "vpc-0main"},
		{`aws_flow_log.eu-west-1["fl-0main"]`, "vpc_id", "vpc-0main"},
		{`aws_ebs_volume.eu-west-1["vol-0scratch"]`, "encrypted", false},
		{`aws_ebs_encryption_by_default.eu-west-1["eu-west-1"]`, "enabled", false},
		{`aws_instance.eu-west-1["i-0web"]`, "metadata_options", []any{map[string]any{"http_tokens": "required", "http_endpoint": "enabled",
			"http_put_response_hop_limit": json.Number("1"), "http_protocol_ipv6": "disabled", "instance_metadata_tags": "disabled"}}},
		{`aws_instance.eu-west-1["i-0web"]`, "iam_instance_profile", "web-app"},
		{`aws_instance.eu-west-1["i-0web"]`, "monitoring", true},
		{`aws_instance.eu-west-1["i-0web"]`, "associate_public_ip_address", true},
		{`aws_instance.eu-west-1["i-0legacy"]`, "associate_public_ip_address", false},
		{`aws_instance.eu-west-1["i-0legacy"]`, "root_block_device", []any{map[string]any{"device_name": "/dev/xvda", "volume_id": "vol-0legacyroot",
			"encrypted": false, "kms_key_id": nil, "volume_size": json.Number("8"), "volume_type": "gp3", "iops": json.Number("3000"),
			"throughput": json.Number("125"), "delete_on_termination": true}}},
		{`aws_instance.eu-west-1["i-0legacy"]`, "ebs_block_device", []any{}},
		{`aws_launch_template.eu-west-1["lt-0web"]`, "name", "web"},
		{`aws_launch_template.eu-west-1["lt-0web"]`, "default_version", json.Number("1")},
		{`aws_launch_template.eu-west-1["lt-0legacy"]`, "block_device_mappings", []any{map[string]any{"device_name": "/dev/xvda", "no_device": "", "virtual_name": "",
			"ebs": []any{map[string]any{"encrypted": "false", "delete_on_termination": "true", "iops": nil, "kms_key_id": "", "snapshot_id": "",
				"throughput": nil, "volume_size": json.Number("20"), "volume_type": "gp3"}}}}},
		{`aws_launch_template.eu-west-1["lt-0legacy"]`, "metadata_options", []any{map[string]any{"http_tokens": "optional", "http_endpoint": "enabled",
			"http_put_response_hop_limit": json.Number("1"), "http_protocol_ipv6": "", "instance_metadata_tags": ""}}},
		{`aws_iam_account_password_policy.global["iam-account-password-policy"]`, "minimum_password_length", json.Number("8")},
		{`aws_iam_virtual_mfa_device.global["arn:aws:iam::123456789012:mfa/alice"]`, "user_name", "alice"},
		{`aws_iam_access_key.global["AKIABOBKEY00000001"]`, "create_date", "2024-01-15T00:00:00Z"},
		{`aws_iam_user_login_profile.global["bob"]`, "create_date", "2024-01-15T00:00:00Z"},
		{`aws_iam_user_login_profile.global["alice"]`, "user", "alice"},
		{`aws_iam_policy.global["break-glass-admin"]`, "policy", `{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}]}`},
		{`aws_cloudtrail.eu-west-1["org-trail"]`, "enable_logging", true},
		{`aws_cloudtrail.eu-west-1["org-trail"]`, "kms_key_id", nil},
		{`aws_kms_key.eu-west-1["key-legacy"]`, "enable_key_rotation", false},
		{`aws_kms_key.eu-west-1["key-data"]`, "rotation_period_in_days", json.Number("365")},
		{`aws_db_instance.eu-west-1["app-db"]`, "publicly_accessible", true},
		{`aws_db_instance.eu-west-1["reports-db"]`, "max_allocated_storage", json.Number("200")},
		{`aws_db_instance.eu-west-1["app-db"]`, "vpc_security_group_ids", []any{"sg-db"}},
		{`aws_dynamodb_table.eu-west-1["orders"]`, "point_in_time_recovery", []any{map[string]any{"enabled": false, "recovery_period_in_days": nil}}},
		{`aws_dynamodb_table.eu-west-1["orders"]`, "server_side_encryption", []any{}},
	}
	for _, tt := range tests {
		f, ok := got[tt.id]
		if !ok {
			t.Errorf("no fact %s", tt.id)
			continue
		}
		if g := f.Attributes[tt.attr]; !jsonEqual(g, tt.want) {
			t.Errorf("%s.%s = %#v, want %#v", tt.id, tt.attr, g, tt.want)
		}
	}
	for _, absent := range []string{
		`aws_kms_key.eu-west-1["key-aws-s3"]`,                             // AWS managed
		`aws_s3_bucket_public_access_block.eu-west-1["acme-public-site"]`, // none set
		`aws_s3_bucket_versioning.eu-west-1["acme-public-site"]`,          // never enabled
		`aws_instance.eu-west-1["i-0gone"]`,                               // terminated
		`aws_ebs_volume.eu-west-1["vol-0webroot"]`,                        // an instance's root_block_device
		`aws_iam_user_login_profile.global["ci-deploy"]`,                  // no console password (NoSuchEntity)
	} {
		if _, ok := got[absent]; ok {
			t.Errorf("fact %s should not exist", absent)
		}
	}
	b := got[`aws_s3_bucket.eu-west-1["acme-logs"]`]
	if !slices.Contains(b.Unknown, "lifecycle_rule") || b.Attributes["policy"] != nil {
		t.Errorf("the bucket's lifecycle rules should be unknown, its policy null: unknown=%v", b.Unknown)
	}
	if p := got[`aws_s3_bucket.eu-west-1["acme-public-site"]`].Attributes["policy"]; p != got[`aws_s3_bucket_policy.eu-west-1["acme-public-site"]`].Attributes["policy"] {
		t.Errorf("the bucket's policy = %v, not its bucket policy's", p)
	}
	if !slices.Contains(snap.Calls, "s3:GetBucketPolicy") || !slices.Contains(snap.Calls, "kms:GetKeyRotationStatus") {
		t.Errorf("calls = %v", snap.Calls)
	}
	// Every list was paged (two items a page).
	if n := srv.Calls("iam:ListUsers"); n != 2 {
		t.Errorf("iam:ListUsers called %d times, want 2 pages", n)
	}
	if n := srv.Calls("ec2:DescribeInstances"); n != 2 {
		t.Errorf("DescribeInstances called %d times, want 2 (two pages)", n)
	}
	if n := srv.Calls("s3:ListBuckets"); n != 2 {
		t.Errorf("s3:ListBuckets called %d times, want 2 pages", n)
	}
	if n := srv.Calls("kms:ListKeys"); n != 2 {
		t.Errorf("kms:ListKeys called %d times, want 2 pages", n)
	}
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestCollectRetriesThrottling(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	for _, op := range []string{"kms:ListKeys", "ec2:DescribeSecurityGroups", "iam:ListUsers", "dynamodb:DescribeTable", "s3:GetBucketPolicy", "rds:DescribeDBInstances", "cloudtrail:DescribeTrails", "s3:GetPublicAccessBlock", "ec2:DescribeInstances", "iam:GetPolicyVersion"} {
		srv.Throttle(op, 3)
	}
	snap, ds := provider().Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if _, ok := byID(snap.Facts)[`aws_kms_key.eu-west-1["key-data"]`]; !ok {
		t.Error("the throttled key listing did not recover")
	}
	if n := srv.Calls("kms:ListKeys"); n != 5 {
		t.Errorf("kms:ListKeys called %d times, want 3 throttled + 2 pages", n)
	}
}

func TestCollectAccessDeniedIsNotAssessed(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	srv.Deny("kms")
	srv.Deny("s3")
	snap, ds := provider().Snapshot(context.Background(), "aws")
	if ds.HasErrors() {
		t.Fatalf("errors: %v", ds)
	}
	// S3 Control signs as s3: the account-level block is denied with the
	// buckets, and said apart.
	if len(ds) != 3 || !strings.Contains(ds[0].Summary, "AWS kms in eu-west-1 not assessed: AccessDeniedException") ||
		!strings.Contains(ds[1].Summary, "AWS s3 not assessed: AccessDenied") ||
		!strings.Contains(ds[2].Summary, "AWS s3control not assessed: AccessDenied") {
		t.Errorf("diagnostics = %v", ds)
	}
	if len(snap.NotAssessed) != 3 {
		t.Errorf("not assessed = %v", snap.NotAssessed)
	}
	for _, f := range snap.Facts {
		if f.Type == "aws_kms_key" || strings.HasPrefix(f.Type, "aws_s3_") {
			t.Errorf("fact %s from a denied service", f.ID)
		}
	}
	if _, ok := byID(snap.Facts)[`aws_db_instance.eu-west-1["app-db"]`]; !ok {
		t.Error("the other services were not read")
	}
}

// TestCollectBucketDenied checks that a bucket the caller may not read is
// left out alone, and that S3 then does not count as read.
func TestCollectBucketDenied(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	srv.DenyBucket("acme-data")
	snap, ds := provider().Snapshot(context.Background(), "aws")
	if len(ds) != 1 || !strings.Contains(ds[0].Summary, "AWS s3 in eu-west-1 not assessed: bucket acme-data: AccessDenied") {
		t.Fatalf("diagnostics = %v", ds)
	}
	got := byID(snap.Facts)
	if _, ok := got[`aws_s3_bucket.eu-west-1["acme-data"]`]; ok {
		t.Error("the denied bucket has facts")
	}
	if _, ok := got[`aws_s3_bucket.eu-west-1["acme-logs"]`]; !ok {
		t.Error("the other buckets were not read")
	}
	coll := got[`data.annexa_aws_collection.this["123456789012"]`]
	if slices.Contains(coll.Attributes["assessed"].([]any), any("s3")) {
		t.Errorf("s3 counted as read: %v", coll.Attributes["assessed"])
	}
}

func TestCollectWithoutCredentialsFails(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	srv.Deny("sts")
	_, ds := provider().Collect(context.Background(), "aws")
	if !ds.HasErrors() || !strings.Contains(ds[0].Summary, "sts:GetCallerIdentity") {
		t.Errorf("diagnostics = %v", ds)
	}
}

func TestCollectAllRegions(t *testing.T) {
	a := awsfake.Realistic()
	a.Regions = append(a.Regions, "us-east-1")
	a.Volumes["us-east-1"] = []awsfake.Volume{{ID: "vol-0east", Encrypted: true, Size: 8}}
	srv := awsfake.Start(t, a)
	fakeEnv(t, srv)
	p := provider()
	p.Regions = []string{aws.AllRegions}
	snap, ds := p.Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if !slices.Equal(snap.Regions, []string{"eu-west-1", "us-east-1"}) {
		t.Errorf("regions = %v", snap.Regions)
	}
	got := byID(snap.Facts)
	for _, id := range []string{`aws_ebs_volume.us-east-1["vol-0east"]`, `aws_ebs_encryption_by_default.us-east-1["us-east-1"]`, `aws_ebs_volume.eu-west-1["vol-0data"]`} {
		if _, ok := got[id]; !ok {
			t.Errorf("no fact %s", id)
		}
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	srv := awsfake.Start(t, awsfake.Realistic())
	fakeEnv(t, srv)
	snap, ds := provider().Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	path := filepath.Join(t.TempDir(), "snapshot.json")
	var buf bytes.Buffer
	if err := snap.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, ds := aws.SnapshotProvider{}.Collect(context.Background(), path)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(back) != len(snap.Facts) {
		t.Fatalf("%d facts back, want %d", len(back), len(snap.Facts))
	}
	for i := range back {
		if back[i].Source.File != path || back[i].Source.Provider != aws.SnapshotName {
			t.Errorf("%s: source = %+v", back[i].ID, back[i].Source)
		}
		if !jsonEqual(back[i].Attributes, snap.Facts[i].Attributes) || !slices.Equal(back[i].Unknown, snap.Facts[i].Unknown) {
			t.Errorf("%s changed on the round trip", back[i].ID)
		}
	}
}

// TestSnapshotRedactedOnRead checks that a snapshot edited to hold a
// secret does not carry it into the facts.
func TestSnapshotRedactedOnRead(t *testing.T) {
	body := `{"annexa_snapshot": "aws/v1", "account_id": "1", "collected_at": "2026-01-01T00:00:00Z", "facts": [
	 {"kind": "resource", "source": {"provider": "aws", "file": "aws://1"}, "id": "aws_db_instance.eu-west-1[\"db\"]",
	  "type": "aws_db_instance", "base_address": "aws_db_instance.eu-west-1", "mode": "managed", "name": "eu-west-1", "index": "db",
	  "attributes": {"identifier": "db", "password": "Hunter2-Hunter2-Hunter2"}}]}`
	path := filepath.Join(t.TempDir(), "snapshot.json")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	fs, ds := aws.SnapshotProvider{}.Collect(context.Background(), path)
	if len(ds) > 0 || len(fs) != 1 {
		t.Fatalf("%d facts, %v", len(fs), ds)
	}
	if fs[0].Attributes["password"] != facts.Redacted || !slices.Equal(fs[0].Sensitive, []string{"password"}) {
		t.Errorf("password = %v, sensitive %v", fs[0].Attributes["password"], fs[0].Sensitive)
	}
}

func TestReadSnapshotErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"not json", "{", "snapshot.json"},
		{"no format", `{"facts": []}`, `no "annexa_snapshot" field`},
		{"other format", `{"annexa_snapshot": "aws/v9", "account_id": "1", "collected_at": "2026-01-01T00:00:00Z"}`, `unknown snapshot format "aws/v9"`},
		{"no account", `{"annexa_snapshot": "aws/v1", "collected_at": "2026-01-01T00:00:00Z"}`, `field "account_id": missing`},
		{"no time", `{"annexa_snapshot": "aws/v1", "account_id": "1"}`, `field "collected_at": missing`},
		{"bad field", `{"annexa_snapshot": "aws/v1", "account_id": 1}`, `field "account_id"`},
		{"evidence fact", `{"annexa_snapshot": "aws/v1", "account_id": "1", "collected_at": "2026-01-01T00:00:00Z", "facts": [{"kind": "evidence", "id": "x", "attributes": {}}]}`, `facts[0]: kind "evidence"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "snapshot.json")
			if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := aws.ReadSnapshot(context.Background(), path, 0)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("err = %v, want it to name %s and say %q", err, path, tt.want)
			}
		})
	}
}

// TestIAMPolicyAllowsEveryCall checks the shipped IAM policy against the
// calls a collection of every region makes: each is allowed, and nothing
// else is, and every action is read-only.
func TestIAMPolicyAllowsEveryCall(t *testing.T) {
	a := awsfake.Realistic()
	a.Regions = append(a.Regions, "us-east-1")
	srv := awsfake.Start(t, a)
	fakeEnv(t, srv)
	p := provider()
	p.Regions = []string{aws.AllRegions}
	snap, ds := p.Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	var doc struct {
		Statement []struct {
			Effect   string
			Action   []string
			Resource string
		}
	}
	if err := json.Unmarshal(aws.IAMPolicy, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Statement) != 1 || doc.Statement[0].Effect != "Allow" {
		t.Fatalf("policy = %+v", doc)
	}
	allowed := doc.Statement[0].Action
	if !slices.Equal(allowed, snap.Calls) {
		t.Errorf("policy allows %v\ncollection calls %v", allowed, snap.Calls)
	}
	for _, a := range allowed {
		_, op, _ := strings.Cut(a, ":")
		if !strings.HasPrefix(op, "Describe") && !strings.HasPrefix(op, "Get") && !strings.HasPrefix(op, "List") {
			t.Errorf("%s is not a read-only action", a)
		}
	}
}

// TestCollectBoundsConcurrencyAndShowsProgress checks that the calls in
// flight never exceed the bound, that they do overlap, and that a
// progress line counts the services read.
func TestCollectBoundsConcurrencyAndShowsProgress(t *testing.T) {
	a := awsfake.Realistic()
	a.Regions = append(a.Regions, "us-east-1", "eu-central-1")
	srv := awsfake.Start(t, a)
	srv.Delay = 5 * time.Millisecond
	fakeEnv(t, srv)
	var progress bytes.Buffer
	p := provider()
	p.Regions = []string{aws.AllRegions}
	p.Concurrency = 3
	p.Progress = &progress
	if _, ds := p.Snapshot(context.Background(), ""); len(ds) > 0 {
		t.Fatal(ds)
	}
	if n := srv.MaxInFlight(); n > 3 || n < 2 {
		t.Errorf("%d calls in flight at most, want 2 or 3 (bound 3)", n)
	}
	out := progress.String()
	if !strings.Contains(out, "\r\033[Kaws 123456789012: 18/18 services read") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress = %q", out)
	}
}

func TestParseRegions(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  string
	}{
		{"", nil, ""},
		{"default", nil, ""},
		{"all", []string{"all"}, ""},
		{"eu-west-1", []string{"eu-west-1"}, ""},
		{" eu-west-1 , us-gov-west-1 ", []string{"eu-west-1", "us-gov-west-1"}, ""},
		{"eu-west-1,all", nil, `"all" stands alone`},
		{"EU-WEST-1", nil, `"EU-WEST-1" is not a region name`},
		{"eu-west", nil, `"eu-west" is not a region name`},
		{"eu-west-1,", nil, `"" is not a region name`},
	}
	for _, tt := range tests {
		got, err := aws.ParseRegions(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseRegions(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("ParseRegions(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestCollectNoAccountPublicAccessBlock checks that an account without an
// account-level S3 public access block (NoSuchPublicAccessBlockConfiguration)
// gives no aws_s3_account_public_access_block and no warning.
func TestCollectNoAccountPublicAccessBlock(t *testing.T) {
	a := awsfake.Realistic()
	a.AccountPublicAccessBlock = nil
	srv := awsfake.Start(t, a)
	fakeEnv(t, srv)
	snap, ds := provider().Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	for _, f := range snap.Facts {
		if f.Type == "aws_s3_account_public_access_block" {
			t.Errorf("fact %s from an account without a block", f.ID)
		}
	}
	if n := srv.Calls("s3:GetPublicAccessBlock"); n != 1 {
		t.Errorf("s3control GetPublicAccessBlock called %d times, want 1", n)
	}
}

// TestInstanceVolumeNotListed checks that an instance whose volume
// DescribeVolumes did not give keeps its block devices unknown, rather
// than judged unencrypted.
func TestInstanceVolumeNotListed(t *testing.T) {
	a := awsfake.Realistic()
	const r = "eu-west-1"
	a.Instances[r][2].RootVolumeID = "vol-0missing"
	srv := awsfake.Start(t, a)
	fakeEnv(t, srv)
	snap, ds := provider().Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	f, ok := byID(snap.Facts)[`aws_instance.eu-west-1["i-0legacy"]`]
	if !ok {
		t.Fatal("no fact for i-0legacy")
	}
	if _, set := f.Attributes["root_block_device"]; set || !slices.Contains(f.Unknown, "root_block_device") || !slices.Contains(f.Unknown, "ebs_block_device") {
		t.Errorf("root_block_device = %v, unknown = %v; want unknown", f.Attributes["root_block_device"], f.Unknown)
	}
}

// TestCollectNoPasswordPolicy checks that an account without a password
// policy (IAM's NoSuchEntity) gives no aws_iam_account_password_policy and
// no warning, the rest of IAM read.
func TestCollectNoPasswordPolicy(t *testing.T) {
	a := awsfake.Realistic()
	a.PasswordPolicy = nil
	srv := awsfake.Start(t, a)
	fakeEnv(t, srv)
	snap, ds := provider().Snapshot(context.Background(), "")
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	got := byID(snap.Facts)
	if _, ok := got[`aws_iam_account_password_policy.global["iam-account-password-policy"]`]; ok {
		t.Error("a password policy from an account without one")
	}
	if _, ok := got[`aws_iam_user.global["bob"]`]; !ok {
		t.Error("the users were not read")
	}
}
