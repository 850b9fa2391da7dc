package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/annexa-dev/annexa/internal/parallel"
)

// bucketUnread are the attributes of aws_s3_bucket that the provider
// reads with calls annexa does not make (ACL, CORS, lifecycle, object
// lock, replication, website, ...): they stay unknown. The bucket's
// encryption, versioning, logging and policy are filled, as Terraform's
// state holds them, beside the separate resources that model them.
var bucketUnread = []string{
	"acceleration_status", "acl", "cors_rule", "grant", "lifecycle_rule",
	"object_lock_configuration", "replication_configuration",
	"request_payer", "website",
}

// s3 reads every bucket the account owns, with its encryption, public
// access block, versioning, logging, policy and tags. ListBuckets is
// global; each bucket is read in its own region.
func (c *collector) s3(ctx context.Context, _ string) error {
	client := s3.NewFromConfig(c.cfg, func(o *s3.Options) { o.UsePathStyle = c.pathStyle() })
	var buckets []types.Bucket
	pages := s3.NewListBucketsPaginator(client, &s3.ListBucketsInput{})
	for pages.HasMorePages() {
		c.call("s3:ListAllMyBuckets")
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		buckets = append(buckets, page.Buckets...)
	}
	// A bucket that cannot be read (a bucket policy that denies the
	// auditor, a bucket in a region not enabled) leaves out that bucket
	// alone: it is not assessed, and neither is S3 as a whole, so that no
	// bucket is taken for gone.
	errs := make([]error, len(buckets))
	parallel.ForEach(len(buckets), min(c.workers, max(len(buckets), 1)), func(i int) {
		if ctx.Err() == nil {
			errs[i] = c.bucket(ctx, client, buckets[i])
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	var failed []NotAssessed
	for i, err := range errs {
		if err != nil {
			failed = append(failed, NotAssessed{Service: "s3", Region: aws.ToString(buckets[i].BucketRegion), Reason: errorText(err)})
		}
	}
	if len(failed) > 0 {
		return &partialError{failed}
	}
	return nil
}

// partialError is a service read only in part: what was read is kept, and
// each part that failed is not assessed.
type partialError struct{ failed []NotAssessed }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d parts not read", len(e.failed))
}

// pathStyle is true when the configuration names an endpoint of its own
// (a local S3-compatible service), which rarely serves virtual hosts.
func (c *collector) pathStyle() bool {
	return c.cfg.BaseEndpoint != nil
}

func (c *collector) bucket(ctx context.Context, client *s3.Client, b types.Bucket) error {
	name := aws.ToString(b.Name)
	region := aws.ToString(b.BucketRegion)
	if region == "" {
		region = c.cfg.Region
	}
	in := func(o *s3.Options) { o.Region = region }
	tfName := region
	bucketAttrs := map[string]any{
		"id": name, "bucket": name, "arn": fmt.Sprintf("arn:%s:s3:::%s", c.partition, name),
		"region": region, "bucket_domain_name": name + ".s3.amazonaws.com",
		"force_destroy": nil, "object_lock_enabled": nil,
	}
	unknown := append([]string(nil), bucketUnread...)
	bucketAttrs["server_side_encryption_configuration"] = []any{}
	bucketAttrs["logging"] = []any{}
	bucketAttrs["policy"] = nil
	bucketAttrs["versioning"] = []any{map[string]any{"enabled": false, "mfa_delete": false}}
	c.call("s3:GetBucketTagging")
	tagging, err := client.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: b.Name}, in)
	switch {
	case err == nil:
		withTags(bucketAttrs, tagMap(len(tagging.TagSet), func(i int) (string, string) {
			return aws.ToString(tagging.TagSet[i].Key), aws.ToString(tagging.TagSet[i].Value)
		}))
	case errorCode(err) == "NoSuchTagSet":
		withTags(bucketAttrs, map[string]any{})
	default:
		return &bucketError{name, err}
	}
	rs := []resource{{typ: "aws_s3_bucket", name: tfName, key: name, attrs: bucketAttrs, unknown: unknown}}
	companion := func(typ string, attrs map[string]any) {
		attrs["id"], attrs["bucket"], attrs["expected_bucket_owner"] = name, name, nil
		rs = append(rs, resource{typ: typ, name: tfName, key: name, attrs: attrs})
	}

	c.call("s3:GetEncryptionConfiguration")
	enc, err := client.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: b.Name}, in)
	switch {
	case err == nil && enc.ServerSideEncryptionConfiguration != nil:
		var rules []any
		for _, r := range enc.ServerSideEncryptionConfiguration.Rules {
			var def []any
			if d := r.ApplyServerSideEncryptionByDefault; d != nil {
				def = append(def, map[string]any{"sse_algorithm": string(d.SSEAlgorithm), "kms_master_key_id": str(d.KMSMasterKeyID)})
			}
			rules = append(rules, map[string]any{"apply_server_side_encryption_by_default": orEmpty(def), "bucket_key_enabled": boolean(r.BucketKeyEnabled)})
		}
		companion("aws_s3_bucket_server_side_encryption_configuration", map[string]any{"rule": orEmpty(rules)})
		bucketAttrs["server_side_encryption_configuration"] = []any{map[string]any{"rule": orEmpty(rules)}}
	case err == nil, errorCode(err) == "ServerSideEncryptionConfigurationNotFoundError":
	default:
		return &bucketError{name, err}
	}

	c.call("s3:GetBucketPublicAccessBlock")
	pab, err := client.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: b.Name}, in)
	switch {
	case err == nil && pab.PublicAccessBlockConfiguration != nil:
		p := pab.PublicAccessBlockConfiguration
		companion("aws_s3_bucket_public_access_block", map[string]any{
			"block_public_acls": aws.ToBool(p.BlockPublicAcls), "block_public_policy": aws.ToBool(p.BlockPublicPolicy),
			"ignore_public_acls": aws.ToBool(p.IgnorePublicAcls), "restrict_public_buckets": aws.ToBool(p.RestrictPublicBuckets),
		})
	case err == nil, errorCode(err) == "NoSuchPublicAccessBlockConfiguration":
	default:
		return &bucketError{name, err}
	}

	c.call("s3:GetBucketVersioning")
	ver, err := client.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: b.Name}, in)
	if err != nil {
		return &bucketError{name, err}
	}
	if ver.Status != "" {
		mfa := "Disabled"
		if ver.MFADelete != "" {
			mfa = string(ver.MFADelete)
		}
		companion("aws_s3_bucket_versioning", map[string]any{
			"mfa":                      nil,
			"versioning_configuration": []any{map[string]any{"status": string(ver.Status), "mfa_delete": mfa}},
		})
		bucketAttrs["versioning"] = []any{map[string]any{"enabled": ver.Status == "Enabled", "mfa_delete": mfa == "Enabled"}}
	}

	c.call("s3:GetBucketLogging")
	logging, err := client.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: b.Name}, in)
	if err != nil {
		return &bucketError{name, err}
	}
	if l := logging.LoggingEnabled; l != nil {
		companion("aws_s3_bucket_logging", map[string]any{
			"target_bucket": str(l.TargetBucket), "target_prefix": str(l.TargetPrefix),
			"target_grant": []any{}, "target_object_key_format": []any{},
		})
		bucketAttrs["logging"] = []any{map[string]any{"target_bucket": str(l.TargetBucket), "target_prefix": str(l.TargetPrefix)}}
	}

	c.call("s3:GetBucketPolicy")
	pol, err := client.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: b.Name}, in)
	switch {
	case err == nil && pol.Policy != nil:
		companion("aws_s3_bucket_policy", map[string]any{"policy": *pol.Policy})
		bucketAttrs["policy"] = *pol.Policy
		delete(rs[len(rs)-1].attrs, "expected_bucket_owner")
	case err == nil, errorCode(err) == "NoSuchBucketPolicy":
	default:
		return &bucketError{name, err}
	}
	c.add(rs...)
	return nil
}

// bucketError is a call about one bucket that failed.
type bucketError struct {
	bucket string
	err    error
}

func (e *bucketError) Error() string { return "bucket " + e.bucket + ": " + errorText(e.err) }
func (e *bucketError) Unwrap() error { return e.err }

// orEmpty is a list, never nil, as Terraform renders an empty block list.
func orEmpty(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}
