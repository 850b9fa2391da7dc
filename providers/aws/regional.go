package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
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

// rdsDBInstance is the part of an RDS DB instance annexa reads, by its
// wire names.
type rdsDBInstance struct {
	ID                 string   `xml:"DBInstanceIdentifier"`
	ResourceID         *string  `xml:"DbiResourceId"`
	Arn                *string  `xml:"DBInstanceArn"`
	Engine             *string  `xml:"Engine"`
	EngineVersion      *string  `xml:"EngineVersion"`
	Class              *string  `xml:"DBInstanceClass"`
	Storage            *int32   `xml:"AllocatedStorage"`
	MaxStorage         *int32   `xml:"MaxAllocatedStorage"`
	StorageType        *string  `xml:"StorageType"`
	Encrypted          *bool    `xml:"StorageEncrypted"`
	KmsKeyID           *string  `xml:"KmsKeyId"`
	Public             *bool    `xml:"PubliclyAccessible"`
	MultiAZ            *bool    `xml:"MultiAZ"`
	BackupDays         *int32   `xml:"BackupRetentionPeriod"`
	DeletionProtection *bool    `xml:"DeletionProtection"`
	IAMAuth            *bool    `xml:"IAMDatabaseAuthenticationEnabled"`
	AutoMinorUpgrade   *bool    `xml:"AutoMinorVersionUpgrade"`
	CopyTags           *bool    `xml:"CopyTagsToSnapshot"`
	Insights           *bool    `xml:"PerformanceInsightsEnabled"`
	LogExports         []string `xml:"EnabledCloudwatchLogsExports>member"`
	SecurityGroups     []string `xml:"VpcSecurityGroups>VpcSecurityGroupMembership>VpcSecurityGroupId"`
	SubnetGroup        *string  `xml:"DBSubnetGroup>DBSubnetGroupName"`
	CACert             *string  `xml:"CACertificateIdentifier"`
	ReplicaSource      *string  `xml:"ReadReplicaSourceDBInstanceIdentifier"`
	Username           *string  `xml:"MasterUsername"`
	DBName             *string  `xml:"DBName"`
	Cluster            *string  `xml:"DBClusterIdentifier"`
	Tags               []struct {
		Key   string `xml:"Key"`
		Value string `xml:"Value"`
	} `xml:"TagList>Tag"`
}

// rds reads the region's DB instances.
func (c *collector) rds(ctx context.Context, region string) error {
	client := newRDSClient(c.cfg, region)
	var rs []resource
	err := markerPages(ctx, client, c, "DescribeDBInstances", nil, "MaxRecords", 100, func(page *struct {
		Items  []rdsDBInstance `xml:"DBInstances>DBInstance"`
		Marker string          `xml:"Marker"`
	}) string {
		for _, db := range page.Items {
			rs = append(rs, c.dbInstance(region, db))
		}
		return page.Marker
	})
	if err != nil {
		return err
	}
	c.add(rs...)
	return nil
}

// dbInstance models an RDS DB instance as Terraform's aws_db_instance.
func (c *collector) dbInstance(region string, db rdsDBInstance) resource {
	tags := tagMap(len(db.Tags), func(i int) (string, string) { return db.Tags[i].Key, db.Tags[i].Value })
	var subnetGroup any
	if db.SubnetGroup != nil {
		subnetGroup = *db.SubnetGroup
	}
	return resource{typ: "aws_db_instance", name: region, key: db.ID, attrs: withTags(map[string]any{
		"id": str(db.ResourceID), "resource_id": str(db.ResourceID), "identifier": db.ID,
		"arn": str(db.Arn), "engine": str(db.Engine), "engine_version": str(db.EngineVersion),
		"instance_class": str(db.Class), "allocated_storage": numPtr(db.Storage),
		"max_allocated_storage": maxStorage(db.MaxStorage), "storage_type": str(db.StorageType),
		"storage_encrypted": boolean(db.Encrypted), "kms_key_id": str(db.KmsKeyID),
		"publicly_accessible": boolean(db.Public), "multi_az": boolean(db.MultiAZ),
		"backup_retention_period":             numPtr(db.BackupDays),
		"deletion_protection":                 boolean(db.DeletionProtection),
		"iam_database_authentication_enabled": boolean(db.IAMAuth),
		"auto_minor_version_upgrade":          boolean(db.AutoMinorUpgrade),
		"copy_tags_to_snapshot":               boolean(db.CopyTags),
		"performance_insights_enabled":        boolean(db.Insights),
		"enabled_cloudwatch_logs_exports":     stringList(db.LogExports),
		"vpc_security_group_ids":              stringList(db.SecurityGroups),
		"db_subnet_group_name":                subnetGroup,
		"ca_cert_identifier":                  str(db.CACert),
		"replicate_source_db":                 str(db.ReplicaSource),
		"username":                            str(db.Username),
		"db_name":                             str(db.DBName),
		"cluster_identifier":                  str(db.Cluster),
	}, tags), unknown: []string{"snapshot_identifier", "skip_final_snapshot", "final_snapshot_identifier", "apply_immediately"}}
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
