package awsfake

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

const epoch = 1704067200 // 2024-01-01T00:00:00Z

func (s *Server) s3(q *request) {
	a := s.account
	if q.op == "ListBuckets" {
		start, end, next := s.page(len(a.Buckets), q.r.URL.Query().Get("continuation-token"))
		var b strings.Builder
		for _, bk := range a.Buckets[start:end] {
			b.WriteString(el("Bucket", tx("Name", bk.Name), tx("CreationDate", "2024-01-01T00:00:00.000Z"), tx("BucketRegion", bk.Region)))
		}
		tok := ""
		if next != "" {
			tok = tx("ContinuationToken", next)
		}
		q.xml(http.StatusOK, `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`+
			el("Owner", tx("ID", "fakeowner"))+el("Buckets", b.String())+tok+`</ListAllMyBucketsResult>`)
		return
	}
	if q.op == "GetPublicAccessBlock" {
		if q.r.Header.Get("X-Amz-Account-Id") != a.ID {
			q.fail(http.StatusForbidden, "AccessDenied", "x-amz-account-id is not the caller's account")
			return
		}
		if a.AccountPublicAccessBlock == nil {
			q.fail(http.StatusNotFound, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
			return
		}
		q.xml(http.StatusOK, publicAccessBlockXML(a.AccountPublicAccessBlock, ` xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"`))
		return
	}
	name := strings.Trim(q.r.URL.Path, "/")
	var bk *Bucket
	for i := range a.Buckets {
		if a.Buckets[i].Name == name {
			bk = &a.Buckets[i]
		}
	}
	if bk == nil {
		q.fail(http.StatusNotFound, "NoSuchBucket", "The specified bucket does not exist")
		return
	}
	switch q.op {
	case "GetBucketTagging":
		if len(bk.Tags) == 0 {
			q.fail(http.StatusNotFound, "NoSuchTagSet", "The TagSet does not exist")
			return
		}
		q.xml(http.StatusOK, el("Tagging", tagsXML("TagSet", "Tag", bk.Tags)))
	case "GetBucketEncryption":
		if bk.SSEAlgorithm == "" {
			q.fail(http.StatusNotFound, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found")
			return
		}
		def := tx("SSEAlgorithm", bk.SSEAlgorithm)
		if bk.KMSKeyID != "" {
			def += tx("KMSMasterKeyID", bk.KMSKeyID)
		}
		q.xml(http.StatusOK, el("ServerSideEncryptionConfiguration", el("Rule", el("ApplyServerSideEncryptionByDefault", def), bl("BucketKeyEnabled", false))))
	case "GetBucketPublicAccessBlock":
		if bk.PublicAccessBlock == nil {
			q.fail(http.StatusNotFound, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
			return
		}
		q.xml(http.StatusOK, publicAccessBlockXML(bk.PublicAccessBlock, ""))
	case "GetBucketVersioning":
		st := ""
		if bk.Versioning != "" {
			st = tx("Status", bk.Versioning)
		}
		q.xml(http.StatusOK, el("VersioningConfiguration", st))
	case "GetBucketLogging":
		l := ""
		if bk.LogTarget != "" {
			l = el("LoggingEnabled", tx("TargetBucket", bk.LogTarget), tx("TargetPrefix", "logs/"+bk.Name+"/"))
		}
		q.xml(http.StatusOK, el("BucketLoggingStatus", l))
	case "GetBucketPolicy":
		if bk.Policy == "" {
			q.fail(http.StatusNotFound, "NoSuchBucketPolicy", "The bucket policy does not exist")
			return
		}
		q.w.Header().Set("Content-Type", "application/json")
		_, _ = q.w.Write([]byte(bk.Policy))
	default:
		q.fail(http.StatusBadRequest, "NotImplemented", "the fake does not implement "+q.op)
	}
}

func (s *Server) ec2(q *request) {
	a := s.account
	r := q.region
	tok := q.form.Get("NextToken")
	nextXML := func(next string) string {
		if next == "" {
			return ""
		}
		return tx("nextToken", next)
	}
	switch q.op {
	case "DescribeRegions":
		var b strings.Builder
		for _, reg := range a.Regions {
			b.WriteString(el("item", tx("regionName", reg), tx("regionEndpoint", "ec2."+reg+".amazonaws.com"), tx("optInStatus", "opt-in-not-required")))
		}
		q.ec2(el("regionInfo", b.String()))
	case "DescribeSecurityGroups":
		sgs := a.SecurityGroups[r]
		start, end, next := s.page(len(sgs), tok)
		var b strings.Builder
		for _, sg := range sgs[start:end] {
			var perms strings.Builder
			for _, rule := range sg.Ingress {
				ports := ""
				if rule.Protocol != "-1" {
					ports = in("fromPort", rule.From) + in("toPort", rule.To)
				}
				perms.WriteString(el("item", tx("ipProtocol", rule.Protocol), ports,
					el("groups"), el("ipRanges", el("item", tx("cidrIp", rule.CIDR))), el("ipv6Ranges"), el("prefixListIds")))
			}
			egress := el("item", tx("ipProtocol", "-1"), el("groups"), el("ipRanges", el("item", tx("cidrIp", "0.0.0.0/0"))), el("ipv6Ranges"), el("prefixListIds"))
			b.WriteString(el("item", tx("ownerId", a.ID), tx("groupId", sg.ID), tx("groupName", sg.Name), tx("groupDescription", sg.Name+" group"),
				tx("vpcId", sg.VpcID), el("ipPermissions", perms.String()), el("ipPermissionsEgress", egress), tagsXML("tagSet", "item", sg.Tags)))
		}
		q.ec2(el("securityGroupInfo", b.String()) + nextXML(next))
	case "DescribeVpcs":
		vpcs := a.VPCs[r]
		start, end, next := s.page(len(vpcs), tok)
		var b strings.Builder
		for _, v := range vpcs[start:end] {
			b.WriteString(el("item", tx("vpcId", v.ID), tx("ownerId", a.ID), tx("state", "available"), tx("cidrBlock", v.CIDR),
				tx("dhcpOptionsId", "dopt-fake"), tx("instanceTenancy", "default"), bl("isDefault", v.IsDefault), tagsXML("tagSet", "item", v.Tags)))
		}
		q.ec2(el("vpcSet", b.String()) + nextXML(next))
	case "DescribeFlowLogs":
		logs := a.FlowLogs[r]
		start, end, next := s.page(len(logs), tok)
		var b strings.Builder
		for _, l := range logs[start:end] {
			b.WriteString(el("item", tx("flowLogId", l.ID), tx("resourceId", l.ResourceID), tx("trafficType", "ALL"),
				tx("logDestinationType", "s3"), tx("logDestination", l.Destination), tx("flowLogStatus", "ACTIVE"), in("maxAggregationInterval", 600)))
		}
		q.ec2(el("flowLogSet", b.String()) + nextXML(next))
	case "DescribeVolumes":
		vols := a.Volumes[r]
		start, end, next := s.page(len(vols), tok)
		var b strings.Builder
		for _, v := range vols[start:end] {
			b.WriteString(el("item", tx("volumeId", v.ID), in("size", v.Size), tx("availabilityZone", r+"a"), tx("status", "in-use"),
				bl("encrypted", v.Encrypted), tx("volumeType", "gp3"), in("iops", 3000), in("throughput", 125), tx("snapshotId", ""),
				bl("multiAttachEnabled", false), tagsXML("tagSet", "item", v.Tags)))
		}
		q.ec2(el("volumeSet", b.String()) + nextXML(next))
	case "GetEbsEncryptionByDefault":
		q.ec2(bl("ebsEncryptionByDefault", a.EBSDefault[r]))
	case "DescribeInstances":
		insts := a.Instances[r]
		start, end, next := s.page(len(insts), tok)
		var b strings.Builder
		for _, inst := range insts[start:end] {
			b.WriteString(el("item", tx("reservationId", "r-"+inst.ID), tx("ownerId", a.ID), el("groupSet"), el("instancesSet", instanceXML(a, r, inst))))
		}
		q.ec2(el("reservationSet", b.String()) + nextXML(next))
	case "DescribeLaunchTemplates":
		lts := a.Templates[r]
		start, end, next := s.page(len(lts), tok)
		var b strings.Builder
		for _, lt := range lts[start:end] {
			b.WriteString(el("item", tx("launchTemplateId", lt.ID), tx("launchTemplateName", lt.Name), tx("createTime", "2024-01-01T00:00:00.000Z"),
				tx("createdBy", a.UserArn), in("defaultVersionNumber", 1), in("latestVersionNumber", 1), tagsXML("tagSet", "item", lt.Tags)))
		}
		q.ec2(el("launchTemplates", b.String()) + nextXML(next))
	case "DescribeLaunchTemplateVersions":
		if q.form.Get("LaunchTemplateVersion.1") != "$Default" || q.form.Get("LaunchTemplateId") != "" {
			q.fail(http.StatusBadRequest, "InvalidParameterCombination", "the fake answers only the default versions of every template")
			return
		}
		lts := a.Templates[r]
		start, end, next := s.page(len(lts), tok)
		var b strings.Builder
		for _, lt := range lts[start:end] {
			b.WriteString(el("item", tx("launchTemplateId", lt.ID), tx("launchTemplateName", lt.Name), in("versionNumber", 1),
				bl("defaultVersion", true), el("launchTemplateData", launchTemplateDataXML(lt))))
		}
		q.ec2(el("launchTemplateVersionSet", b.String()) + nextXML(next))
	default:
		q.fail(http.StatusBadRequest, "InvalidAction", "the fake does not implement "+q.op)
	}
}

func (s *Server) iam(q *request) {
	a := s.account
	marker := q.form.Get("Marker")
	more := func(next string) string {
		if next == "" {
			return bl("IsTruncated", false)
		}
		return bl("IsTruncated", true) + tx("Marker", next)
	}
	user := func() *User {
		for i := range a.Users {
			if a.Users[i].Name == q.form.Get("UserName") {
				return &a.Users[i]
			}
		}
		return nil
	}
	switch q.op {
	case "GetAccountPasswordPolicy":
		if a.PasswordPolicy == nil {
			q.fail(http.StatusNotFound, "NoSuchEntity", "The Password Policy with domain name "+a.ID+" cannot be found.")
			return
		}
		var b strings.Builder
		for _, k := range sortedAnyKeys(a.PasswordPolicy) {
			b.WriteString(tx(k, fmt.Sprint(a.PasswordPolicy[k])))
		}
		q.query(el("PasswordPolicy", b.String()))
	case "ListUsers":
		start, end, next := s.page(len(a.Users), marker)
		var b strings.Builder
		for _, u := range a.Users[start:end] {
			b.WriteString(el("member", tx("UserName", u.Name), tx("UserId", "AIDA"+strings.ToUpper(u.Name)), tx("Path", "/"),
				tx("Arn", "arn:aws:iam::"+a.ID+":user/"+u.Name), tx("CreateDate", "2024-01-01T00:00:00Z")))
		}
		q.query(el("Users", b.String()) + more(next))
	case "ListUserTags":
		u := user()
		if u == nil {
			q.fail(http.StatusNotFound, "NoSuchEntity", "no such user")
			return
		}
		keys := sortedKeys(u.Tags)
		start, end, next := s.page(len(keys), marker)
		var b strings.Builder
		for _, k := range keys[start:end] {
			b.WriteString(el("member", tx("Key", k), tx("Value", u.Tags[k])))
		}
		q.query(el("Tags", b.String()) + more(next))
	case "ListMFADevices":
		u := user()
		if u == nil {
			q.fail(http.StatusNotFound, "NoSuchEntity", "no such user")
			return
		}
		var b strings.Builder
		for _, m := range u.MFASerials {
			b.WriteString(el("member", tx("UserName", u.Name), tx("SerialNumber", m), tx("EnableDate", "2024-02-01T00:00:00Z")))
		}
		q.query(el("MFADevices", b.String()) + more(""))
	case "GetLoginProfile":
		u := user()
		if u == nil || u.LoginProfile == "" {
			q.fail(http.StatusNotFound, "NoSuchEntity", "the user has no login profile")
			return
		}
		q.query(el("LoginProfile", tx("UserName", u.Name), tx("CreateDate", u.LoginProfile), tx("PasswordResetRequired", "false")))
	case "ListAccessKeys":
		u := user()
		if u == nil {
			q.fail(http.StatusNotFound, "NoSuchEntity", "no such user")
			return
		}
		var b strings.Builder
		for _, k := range u.AccessKeys {
			b.WriteString(el("member", tx("UserName", u.Name), tx("AccessKeyId", k.ID), tx("Status", k.Status), tx("CreateDate", k.Created)))
		}
		q.query(el("AccessKeyMetadata", b.String()) + more(""))
	case "ListPolicies":
		start, end, next := s.page(len(a.Policies), marker)
		var b strings.Builder
		for _, p := range a.Policies[start:end] {
			b.WriteString(el("member", tx("PolicyName", p.Name), tx("PolicyId", "ANPA"+strings.ToUpper(p.Name)),
				tx("Arn", "arn:aws:iam::"+a.ID+":policy/"+p.Name), tx("Path", "/"), tx("DefaultVersionId", "v1"),
				in("AttachmentCount", 1), bl("IsAttachable", true)))
		}
		q.query(el("Policies", b.String()) + more(next))
	case "GetPolicyVersion":
		for _, p := range a.Policies {
			if strings.HasSuffix(q.form.Get("PolicyArn"), ":policy/"+p.Name) {
				q.query(el("PolicyVersion", tx("Document", url.QueryEscape(p.Document)), tx("VersionId", "v1"), bl("IsDefaultVersion", true)))
				return
			}
		}
		q.fail(http.StatusNotFound, "NoSuchEntity", "no such policy")
	default:
		q.fail(http.StatusBadRequest, "InvalidAction", "the fake does not implement "+q.op)
	}
}

func (s *Server) rds(q *request) {
	dbs := s.account.DBInstances[q.region]
	if q.op != "DescribeDBInstances" {
		q.fail(http.StatusBadRequest, "InvalidAction", "the fake does not implement "+q.op)
		return
	}
	start, end, next := s.page(len(dbs), q.form.Get("Marker"))
	var b strings.Builder
	for _, db := range dbs[start:end] {
		max := ""
		if db.MaxStorage > 0 {
			max = in("MaxAllocatedStorage", db.MaxStorage)
		}
		b.WriteString(el("DBInstance", tx("DBInstanceIdentifier", db.ID), tx("DbiResourceId", "db-"+strings.ToUpper(db.ID)),
			tx("DBInstanceArn", "arn:aws:rds:"+q.region+":"+s.account.ID+":db:"+db.ID), tx("Engine", db.Engine),
			tx("EngineVersion", "16.3"), tx("DBInstanceClass", "db.t4g.micro"), in("AllocatedStorage", db.Storage), max,
			bl("StorageEncrypted", db.Encrypted), bl("PubliclyAccessible", db.Public), bl("MultiAZ", db.MultiAZ),
			in("BackupRetentionPeriod", db.BackupDays), bl("DeletionProtection", db.DeletionProtect),
			bl("IAMDatabaseAuthenticationEnabled", db.IAMAuth), bl("AutoMinorVersionUpgrade", true), tx("StorageType", "gp3"),
			tx("MasterUsername", "admin"), el("VpcSecurityGroups", el("VpcSecurityGroupMembership", tx("VpcSecurityGroupId", "sg-db"), tx("Status", "active"))),
			tagsXML("TagList", "Tag", db.Tags)))
	}
	marker := ""
	if next != "" {
		marker = tx("Marker", next)
	}
	q.query(el("DBInstances", b.String()) + marker)
}

func (s *Server) kms(q *request) {
	keys := s.account.Keys[q.region]
	key := func() *Key {
		id, _ := q.json["KeyId"].(string)
		for i := range keys {
			if keys[i].ID == id || strings.HasSuffix(id, "/"+keys[i].ID) {
				return &keys[i]
			}
		}
		return nil
	}
	arn := func(id string) string { return "arn:aws:kms:" + q.region + ":" + s.account.ID + ":key/" + id }
	switch q.op {
	case "ListKeys":
		marker, _ := q.json["Marker"].(string)
		start, end, next := s.page(len(keys), marker)
		var out []any
		for _, k := range keys[start:end] {
			out = append(out, map[string]any{"KeyId": k.ID, "KeyArn": arn(k.ID)})
		}
		resp := map[string]any{"Keys": out, "Truncated": next != ""}
		if next != "" {
			resp["NextMarker"] = next
		}
		q.jsonOK(resp)
	case "DescribeKey":
		k := key()
		if k == nil {
			q.fail(http.StatusBadRequest, "NotFoundException", "no such key")
			return
		}
		manager := "CUSTOMER"
		if k.AWSOwned {
			manager = "AWS"
		}
		q.jsonOK(map[string]any{"KeyMetadata": map[string]any{
			"KeyId": k.ID, "Arn": arn(k.ID), "AWSAccountId": s.account.ID, "CreationDate": epoch, "Enabled": true,
			"KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "Enabled", "Origin": "AWS_KMS", "KeyManager": manager,
			"KeySpec": "SYMMETRIC_DEFAULT", "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "MultiRegion": false, "Description": k.ID + " key",
		}})
	case "GetKeyRotationStatus":
		k := key()
		if k == nil {
			q.fail(http.StatusBadRequest, "NotFoundException", "no such key")
			return
		}
		resp := map[string]any{"KeyId": arn(k.ID), "KeyRotationEnabled": k.Rotation}
		if k.Rotation {
			resp["RotationPeriodInDays"] = 365
		}
		q.jsonOK(resp)
	case "ListResourceTags":
		k := key()
		if k == nil {
			q.fail(http.StatusBadRequest, "NotFoundException", "no such key")
			return
		}
		var tags []any
		for _, t := range sortedKeys(k.Tags) {
			tags = append(tags, map[string]any{"TagKey": t, "TagValue": k.Tags[t]})
		}
		q.jsonOK(map[string]any{"Tags": tags, "Truncated": false})
	default:
		q.fail(http.StatusBadRequest, "UnknownOperationException", "the fake does not implement "+q.op)
	}
}

func (s *Server) dynamodb(q *request) {
	tables := s.account.Tables[q.region]
	table := func(key string) *Table {
		name, _ := q.json[key].(string)
		for i := range tables {
			if tables[i].Name == name || strings.HasSuffix(name, "/"+tables[i].Name) {
				return &tables[i]
			}
		}
		return nil
	}
	arn := func(name string) string {
		return "arn:aws:dynamodb:" + q.region + ":" + s.account.ID + ":table/" + name
	}
	switch q.op {
	case "ListTables":
		start := 0
		if last, _ := q.json["ExclusiveStartTableName"].(string); last != "" {
			for i, t := range tables {
				if t.Name == last {
					start = i + 1
				}
			}
		}
		end := min(start+s.PageSize, len(tables))
		var names []string
		for _, t := range tables[start:end] {
			names = append(names, t.Name)
		}
		resp := map[string]any{"TableNames": names}
		if end < len(tables) {
			resp["LastEvaluatedTableName"] = tables[end-1].Name
		}
		q.jsonOK(resp)
	case "DescribeTable":
		t := table("TableName")
		if t == nil {
			q.fail(http.StatusBadRequest, "ResourceNotFoundException", "no such table")
			return
		}
		desc := map[string]any{
			"TableName": t.Name, "TableArn": arn(t.Name), "TableStatus": "ACTIVE", "CreationDateTime": epoch,
			"KeySchema":                 []any{map[string]any{"AttributeName": "pk", "KeyType": "HASH"}},
			"BillingModeSummary":        map[string]any{"BillingMode": "PAY_PER_REQUEST"},
			"DeletionProtectionEnabled": false,
		}
		if t.KMSKeyArn != "" {
			desc["SSEDescription"] = map[string]any{"Status": "ENABLED", "SSEType": "KMS", "KMSMasterKeyArn": t.KMSKeyArn}
		}
		q.jsonOK(map[string]any{"Table": desc})
	case "DescribeContinuousBackups":
		t := table("TableName")
		if t == nil {
			q.fail(http.StatusBadRequest, "TableNotFoundException", "no such table")
			return
		}
		st := "DISABLED"
		if t.PITR {
			st = "ENABLED"
		}
		q.jsonOK(map[string]any{"ContinuousBackupsDescription": map[string]any{
			"ContinuousBackupsStatus": "ENABLED", "PointInTimeRecoveryDescription": map[string]any{"PointInTimeRecoveryStatus": st},
		}})
	case "ListTagsOfResource":
		t := table("ResourceArn")
		if t == nil {
			q.fail(http.StatusBadRequest, "ResourceNotFoundException", "no such table")
			return
		}
		var tags []any
		for _, k := range sortedKeys(t.Tags) {
			tags = append(tags, map[string]any{"Key": k, "Value": t.Tags[k]})
		}
		q.jsonOK(map[string]any{"Tags": tags})
	default:
		q.fail(http.StatusBadRequest, "UnknownOperationException", "the fake does not implement "+q.op)
	}
}

func (s *Server) cloudtrail(q *request) {
	trails := s.account.Trails[q.region]
	arn := func(name string) string {
		return "arn:aws:cloudtrail:" + q.region + ":" + s.account.ID + ":trail/" + name
	}
	switch q.op {
	case "DescribeTrails":
		var out []any
		for _, t := range trails {
			m := map[string]any{
				"Name": t.Name, "TrailARN": arn(t.Name), "HomeRegion": q.region, "S3BucketName": t.Bucket,
				"IsMultiRegionTrail": t.MultiRegion, "IncludeGlobalServiceEvents": true,
				"LogFileValidationEnabled": t.Validation, "IsOrganizationTrail": false,
				"HasCustomEventSelectors": false, "HasInsightSelectors": false,
			}
			if t.KMSKeyID != "" {
				m["KmsKeyId"] = t.KMSKeyID
			}
			if t.LogGroupArn != "" {
				m["CloudWatchLogsLogGroupArn"] = t.LogGroupArn
				m["CloudWatchLogsRoleArn"] = "arn:aws:iam::" + s.account.ID + ":role/cloudtrail-logs"
			}
			out = append(out, m)
		}
		q.jsonOK(map[string]any{"trailList": out})
	case "GetTrailStatus":
		name, _ := q.json["Name"].(string)
		for _, t := range trails {
			if name == t.Name || name == arn(t.Name) {
				q.jsonOK(map[string]any{"IsLogging": t.Logging})
				return
			}
		}
		q.fail(http.StatusBadRequest, "TrailNotFoundException", "no such trail")
	default:
		q.fail(http.StatusBadRequest, "UnknownOperationException", "the fake does not implement "+q.op)
	}
}

func sortedAnyKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func instanceXML(a *Account, region string, inst Instance) string {
	state := inst.State
	if state == "" {
		state = "running"
	}
	monitoring := "disabled"
	if inst.Monitoring {
		monitoring = "enabled"
	}
	var groups strings.Builder
	for _, g := range inst.Groups {
		groups.WriteString(el("item", tx("groupId", g), tx("groupName", g)))
	}
	profile, public, assoc := "", "", ""
	if inst.Profile != "" {
		profile = el("iamInstanceProfile", tx("arn", "arn:aws:iam::"+a.ID+":instance-profile/"+inst.Profile), tx("id", "AIPAFAKE"))
	}
	if inst.PublicIP != "" {
		public = tx("ipAddress", inst.PublicIP)
		assoc = el("association", tx("publicIp", inst.PublicIP), tx("ipOwnerId", "amazon"))
	}
	devices := ""
	if inst.RootVolumeID != "" {
		devices = el("item", tx("deviceName", "/dev/xvda"), el("ebs", tx("volumeId", inst.RootVolumeID), tx("status", "attached"),
			tx("attachTime", "2024-01-01T00:00:00.000Z"), bl("deleteOnTermination", true)))
	}
	return el("item", tx("instanceId", inst.ID), tx("imageId", inst.AMI), el("instanceState", in("code", 16), tx("name", state)),
		tx("privateDnsName", "ip-10-0-0-10."+region+".compute.internal"), tx("privateIpAddress", "10.0.0.10"), public,
		tx("instanceType", inst.Type), el("placement", tx("availabilityZone", region+"a"), tx("tenancy", "default")),
		el("monitoring", tx("state", monitoring)), tx("subnetId", inst.SubnetID), tx("vpcId", "vpc-0main"),
		el("groupSet", groups.String()), tx("architecture", "x86_64"), tx("rootDeviceType", "ebs"), tx("rootDeviceName", "/dev/xvda"),
		el("blockDeviceMapping", devices), profile, bl("ebsOptimized", false),
		el("networkInterfaceSet", el("item", tx("networkInterfaceId", "eni-"+inst.ID), el("attachment", in("deviceIndex", 0)), assoc)),
		el("metadataOptions", tx("state", "applied"), tx("httpTokens", inst.HTTPTokens), in("httpPutResponseHopLimit", 1),
			tx("httpEndpoint", "enabled"), tx("httpProtocolIpv6", "disabled"), tx("instanceMetadataTags", "disabled")),
		tagsXML("tagSet", "item", inst.Tags))
}

func launchTemplateDataXML(lt LaunchTemplate) string {
	meta := ""
	if lt.HTTPTokens != "" {
		meta = el("metadataOptions", tx("httpTokens", lt.HTTPTokens), in("httpPutResponseHopLimit", 1), tx("httpEndpoint", "enabled"))
	}
	enc := ""
	if lt.Encrypted != nil {
		enc = bl("encrypted", *lt.Encrypted)
	}
	return tx("imageId", "ami-0fake") + tx("instanceType", "t3.micro") + meta +
		el("blockDeviceMappingSet", el("item", tx("deviceName", "/dev/xvda"), el("ebs", enc, bl("deleteOnTermination", true), in("volumeSize", 20), tx("volumeType", "gp3"))))
}
