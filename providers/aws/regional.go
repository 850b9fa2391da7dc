package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/rds"
)

// cloudtrail reads the trails whose home is the region (a multi-region
// trail is read once, in its home region) with their logging status.
func (c *collector) cloudtrail(ctx context.Context, region string) error {
	client := cloudtrail.NewFromConfig(c.cfg, func(o *cloudtrail.Options) { o.Region = region })
	c.call("cloudtrail:DescribeTrails")
	out, err := client.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
	if err != nil {
		return err
	}
	var rs []resource
	for _, t := range out.TrailList {
		if home := aws.ToString(t.HomeRegion); home != "" && home != region {
			continue
		}
		c.call("cloudtrail:GetTrailStatus")
		st, err := client.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: t.TrailARN})
		if err != nil {
			return fmt.Errorf("trail %s: %w", aws.ToString(t.Name), err)
		}
		name := aws.ToString(t.Name)
		rs = append(rs, resource{typ: "aws_cloudtrail", name: region, key: name, attrs: map[string]any{
			"id": name, "name": name, "arn": str(t.TrailARN), "home_region": str(t.HomeRegion),
			"s3_bucket_name": str(t.S3BucketName), "s3_key_prefix": str(t.S3KeyPrefix),
			"sns_topic_name":                str(t.SnsTopicName),
			"is_multi_region_trail":         boolean(t.IsMultiRegionTrail),
			"include_global_service_events": boolean(t.IncludeGlobalServiceEvents),
			"enable_log_file_validation":    boolean(t.LogFileValidationEnabled),
			"is_organization_trail":         boolean(t.IsOrganizationTrail),
			"cloud_watch_logs_group_arn":    str(t.CloudWatchLogsLogGroupArn),
			"cloud_watch_logs_role_arn":     str(t.CloudWatchLogsRoleArn),
			"kms_key_id":                    str(t.KmsKeyId),
			"enable_logging":                boolean(st.IsLogging),
		}, unknown: []string{"event_selector", "advanced_event_selector", "insight_selector", "tags", "tags_all"}})
	}
	c.add(rs...)
	return nil
}

// kms reads the region's customer-managed keys with their rotation
// status and tags. AWS managed keys, and keys pending deletion, are left
// out: no Terraform configuration manages them.
func (c *collector) kms(ctx context.Context, region string) error {
	client := kms.NewFromConfig(c.cfg, func(o *kms.Options) { o.Region = region })
	var rs []resource
	keys := kms.NewListKeysPaginator(client, &kms.ListKeysInput{})
	for keys.HasMorePages() {
		c.call("kms:ListKeys")
		page, err := keys.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, k := range page.Keys {
			c.call("kms:DescribeKey")
			d, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId})
			if err != nil {
				return fmt.Errorf("key %s: %w", aws.ToString(k.KeyId), err)
			}
			m := d.KeyMetadata
			if m == nil || m.KeyManager != kmstypes.KeyManagerTypeCustomer ||
				m.KeyState == kmstypes.KeyStatePendingDeletion || m.KeyState == kmstypes.KeyStatePendingReplicaDeletion {
				continue
			}
			id := aws.ToString(m.KeyId)
			attrs := map[string]any{
				"id": id, "key_id": id, "arn": str(m.Arn), "description": str(m.Description),
				"key_usage": string(m.KeyUsage), "customer_master_key_spec": string(m.KeySpec),
				"is_enabled": m.Enabled, "multi_region": boolean(m.MultiRegion),
				"custom_key_store_id": str(m.CustomKeyStoreId),
			}
			unknown := []string{"policy", "deletion_window_in_days", "bypass_policy_lockout_safety_check"}
			// Only symmetric encryption keys rotate automatically; for the
			// others AWS has no rotation status to tell.
			if m.KeySpec == kmstypes.KeySpecSymmetricDefault && m.KeyUsage == kmstypes.KeyUsageTypeEncryptDecrypt && m.Origin == kmstypes.OriginTypeAwsKms {
				c.call("kms:GetKeyRotationStatus")
				rot, err := client.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: m.KeyId})
				if err != nil {
					return fmt.Errorf("key %s: %w", id, err)
				}
				attrs["enable_key_rotation"] = rot.KeyRotationEnabled
				attrs["rotation_period_in_days"] = numPtr(rot.RotationPeriodInDays)
			} else {
				unknown = append(unknown, "enable_key_rotation", "rotation_period_in_days")
			}
			tags := map[string]any{}
			tp := kms.NewListResourceTagsPaginator(client, &kms.ListResourceTagsInput{KeyId: m.KeyId})
			for tp.HasMorePages() {
				c.call("kms:ListResourceTags")
				page, err := tp.NextPage(ctx)
				if err != nil {
					return fmt.Errorf("key %s: %w", id, err)
				}
				for _, t := range page.Tags {
					tags[aws.ToString(t.TagKey)] = aws.ToString(t.TagValue)
				}
			}
			rs = append(rs, resource{typ: "aws_kms_key", name: region, key: id, attrs: withTags(attrs, tags), unknown: unknown})
		}
	}
	c.add(rs...)
	return nil
}

// rds reads the region's DB instances.
func (c *collector) rds(ctx context.Context, region string) error {
	client := rds.NewFromConfig(c.cfg, func(o *rds.Options) { o.Region = region })
	var rs []resource
	pages := rds.NewDescribeDBInstancesPaginator(client, &rds.DescribeDBInstancesInput{})
	for pages.HasMorePages() {
		c.call("rds:DescribeDBInstances")
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, db := range page.DBInstances {
			id := aws.ToString(db.DBInstanceIdentifier)
			var sgs []string
			for _, g := range db.VpcSecurityGroups {
				sgs = append(sgs, aws.ToString(g.VpcSecurityGroupId))
			}
			subnetGroup := any(nil)
			if db.DBSubnetGroup != nil {
				subnetGroup = str(db.DBSubnetGroup.DBSubnetGroupName)
			}
			tags := tagMap(len(db.TagList), func(i int) (string, string) {
				return aws.ToString(db.TagList[i].Key), aws.ToString(db.TagList[i].Value)
			})
			rs = append(rs, resource{typ: "aws_db_instance", name: region, key: id, attrs: withTags(map[string]any{
				"id": str(db.DbiResourceId), "resource_id": str(db.DbiResourceId), "identifier": id,
				"arn": str(db.DBInstanceArn), "engine": str(db.Engine), "engine_version": str(db.EngineVersion),
				"instance_class": str(db.DBInstanceClass), "allocated_storage": numPtr(db.AllocatedStorage),
				"max_allocated_storage": maxStorage(db.MaxAllocatedStorage), "storage_type": str(db.StorageType),
				"storage_encrypted": boolean(db.StorageEncrypted), "kms_key_id": str(db.KmsKeyId),
				"publicly_accessible": boolean(db.PubliclyAccessible), "multi_az": boolean(db.MultiAZ),
				"backup_retention_period":             numPtr(db.BackupRetentionPeriod),
				"deletion_protection":                 boolean(db.DeletionProtection),
				"iam_database_authentication_enabled": boolean(db.IAMDatabaseAuthenticationEnabled),
				"auto_minor_version_upgrade":          boolean(db.AutoMinorVersionUpgrade),
				"copy_tags_to_snapshot":               boolean(db.CopyTagsToSnapshot),
				"performance_insights_enabled":        boolean(db.PerformanceInsightsEnabled),
				"enabled_cloudwatch_logs_exports":     stringList(db.EnabledCloudwatchLogsExports),
				"vpc_security_group_ids":              stringList(sgs),
				"db_subnet_group_name":                subnetGroup,
				"ca_cert_identifier":                  str(db.CACertificateIdentifier),
				"replicate_source_db":                 str(db.ReadReplicaSourceDBInstanceIdentifier),
				"username":                            str(db.MasterUsername),
				"db_name":                             str(db.DBName),
				"cluster_identifier":                  str(db.DBClusterIdentifier),
			}, tags), unknown: []string{"snapshot_identifier", "skip_final_snapshot", "final_snapshot_identifier", "apply_immediately"}})
		}
	}
	c.add(rs...)
	return nil
}

// maxStorage is max_allocated_storage as Terraform holds it: 0 when
// storage autoscaling is off.
func maxStorage(n *int32) any {
	if n == nil {
		return num(0)
	}
	return num(*n)
}

// dynamodb reads the region's tables with their encryption, continuous
// backups (point-in-time recovery) and tags.
func (c *collector) dynamodb(ctx context.Context, region string) error {
	client := dynamodb.NewFromConfig(c.cfg, func(o *dynamodb.Options) { o.Region = region })
	var rs []resource
	pages := dynamodb.NewListTablesPaginator(client, &dynamodb.ListTablesInput{})
	for pages.HasMorePages() {
		c.call("dynamodb:ListTables")
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, name := range page.TableNames {
			r, err := c.table(ctx, client, region, name)
			if err != nil {
				return fmt.Errorf("table %s: %w", name, err)
			}
			rs = append(rs, r)
		}
	}
	c.add(rs...)
	return nil
}

func (c *collector) table(ctx context.Context, client *dynamodb.Client, region, name string) (resource, error) {
	c.call("dynamodb:DescribeTable")
	d, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
	if err != nil {
		return resource{}, err
	}
	t := d.Table
	attrs := map[string]any{"id": name, "name": name, "arn": str(t.TableArn)}
	billing := "PROVISIONED"
	if t.BillingModeSummary != nil && t.BillingModeSummary.BillingMode != "" {
		billing = string(t.BillingModeSummary.BillingMode)
	}
	attrs["billing_mode"] = billing
	for _, k := range t.KeySchema {
		attr := "hash_key"
		if k.KeyType == "RANGE" {
			attr = "range_key"
		}
		attrs[attr] = str(k.AttributeName)
	}
	if t.ProvisionedThroughput != nil {
		attrs["read_capacity"] = numPtr(t.ProvisionedThroughput.ReadCapacityUnits)
		attrs["write_capacity"] = numPtr(t.ProvisionedThroughput.WriteCapacityUnits)
	}
	attrs["deletion_protection_enabled"] = boolean(t.DeletionProtectionEnabled)
	attrs["stream_enabled"] = t.StreamSpecification != nil && aws.ToBool(t.StreamSpecification.StreamEnabled)
	// Terraform holds encryption with the AWS owned key (no SSE
	// description) as an empty block list.
	sse := []any{}
	if s := t.SSEDescription; s != nil && (s.Status == "ENABLED" || s.Status == "UPDATING") {
		sse = append(sse, map[string]any{"enabled": true, "kms_key_arn": str(s.KMSMasterKeyArn)})
	}
	attrs["server_side_encryption"] = sse

	c.call("dynamodb:DescribeContinuousBackups")
	cb, err := client.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String(name)})
	if err != nil {
		return resource{}, err
	}
	pitr := false
	var period any
	if cb.ContinuousBackupsDescription != nil && cb.ContinuousBackupsDescription.PointInTimeRecoveryDescription != nil {
		p := cb.ContinuousBackupsDescription.PointInTimeRecoveryDescription
		pitr = p.PointInTimeRecoveryStatus == "ENABLED"
		period = numPtr(p.RecoveryPeriodInDays)
	}
	attrs["point_in_time_recovery"] = []any{map[string]any{"enabled": pitr, "recovery_period_in_days": period}}

	tags := map[string]any{}
	var next *string
	for {
		c.call("dynamodb:ListTagsOfResource")
		tp, err := client.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: t.TableArn, NextToken: next})
		if err != nil {
			return resource{}, err
		}
		for _, tag := range tp.Tags {
			tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
		}
		if next = tp.NextToken; next == nil || *next == "" {
			break
		}
	}
	return resource{typ: "aws_dynamodb_table", name: region, key: name, attrs: withTags(attrs, tags),
		unknown: []string{"attribute", "global_secondary_index", "local_secondary_index", "ttl", "replica"}}, nil
}
