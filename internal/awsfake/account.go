package awsfake

// AccountID is the id of the realistic fake account.
const AccountID = "123456789012"

// Realistic returns a small account in eu-west-1 with what a real one
// holds: good and bad settings of every kind the AWS provider reads. The
// Terraform plan testdata/aws/equivalence/tfplan.json declares the same
// resources, so the two give the same findings.
func Realistic() *Account {
	const r = "eu-west-1"
	prod := func(extra map[string]string) map[string]string {
		m := map[string]string{"Owner": "platform@acme.example", "Environment": "prod", "DataClassification": "internal"}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	yes, no := true, false
	return &Account{
		ID:      AccountID,
		UserArn: "arn:aws:iam::" + AccountID + ":user/annexa-audit",
		Regions: []string{r},
		Buckets: []Bucket{
			{Name: "acme-logs", Region: r, Tags: prod(nil), SSEAlgorithm: "AES256",
				PublicAccessBlock: []bool{true, true, true, true}, Versioning: "Enabled"},
			{Name: "acme-data", Region: r, Tags: prod(map[string]string{"DataClassification": "confidential"}),
				SSEAlgorithm: "aws:kms", KMSKeyID: "arn:aws:kms:" + r + ":" + AccountID + ":key/key-data",
				PublicAccessBlock: []bool{true, false, true, true}, Versioning: "Suspended", LogTarget: "acme-logs"},
			{Name: "acme-public-site", Region: r, Tags: prod(map[string]string{"DataClassification": "public"}), SSEAlgorithm: "AES256",
				Policy: `{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-public-site/*"}]}`},
		},
		// Every setting on but RestrictPublicBuckets: it covers acme-data's
		// IgnorePublicAcls, and leaves acme-public-site open on it.
		AccountPublicAccessBlock: []bool{true, true, true, false},
		PasswordPolicy: map[string]any{
			"MinimumPasswordLength": 8, "RequireSymbols": false, "RequireNumbers": true,
			"RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true,
			"AllowUsersToChangePassword": true, "ExpirePasswords": false, "PasswordReusePrevention": 5,
		},
		Users: []User{
			{Name: "alice", Tags: map[string]string{"email": "alice@acme.example"}, MFASerials: []string{"arn:aws:iam::" + AccountID + ":mfa/alice"}, LoginProfile: "2024-02-01T00:00:00Z",
				AccessKeys: []AccessKey{{ID: "AKIAALICEKEY0000001", Status: "Active", Created: "2026-06-01T00:00:00Z"}}},
			{Name: "bob", Tags: map[string]string{"email": "bob@acme.example"}, LoginProfile: "2024-01-15T00:00:00Z",
				AccessKeys: []AccessKey{{ID: "AKIABOBKEY00000001", Status: "Active", Created: "2024-01-15T00:00:00Z"}}},
			{Name: "ci-deploy"},
		},
		Policies: []Policy{
			{Name: "break-glass-admin", Document: `{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}]}`},
			{Name: "read-reports", Document: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::acme-data","arn:aws:s3:::acme-data/*"]}]}`},
		},
		SecurityGroups: map[string][]SecurityGroup{r: {
			{ID: "sg-0web", Name: "web", VpcID: "vpc-0main", Tags: prod(nil),
				Ingress: []Rule{{Protocol: "tcp", From: 443, To: 443, CIDR: "0.0.0.0/0"}, {Protocol: "tcp", From: 22, To: 22, CIDR: "0.0.0.0/0"}}},
			{ID: "sg-0db", Name: "db", VpcID: "vpc-0main", Tags: prod(nil),
				Ingress: []Rule{{Protocol: "tcp", From: 5432, To: 5432, CIDR: "10.0.0.0/16"}}},
		}},
		VPCs: map[string][]VPC{r: {
			{ID: "vpc-0main", CIDR: "10.0.0.0/16", Tags: prod(nil)},
			{ID: "vpc-0lab", CIDR: "10.1.0.0/16", Tags: prod(map[string]string{"Environment": "lab"})},
		}},
		FlowLogs: map[string][]FlowLog{r: {{ID: "fl-0main", ResourceID: "vpc-0main", Destination: "arn:aws:s3:::acme-logs/flow/"}}},
		Volumes: map[string][]Volume{r: {
			{ID: "vol-0data", Encrypted: true, Size: 100, Tags: prod(nil)},
			{ID: "vol-0scratch", Encrypted: false, Size: 20, Tags: prod(nil)},
			{ID: "vol-0webroot", Encrypted: true, Size: 8},
			{ID: "vol-0legacyroot", Encrypted: false, Size: 8},
		}},
		// The terminated instance is between the others, so that the
		// instances come in two pages.
		Instances: map[string][]Instance{r: {
			{ID: "i-0web", AMI: "ami-0web", Type: "t3.small", SubnetID: "subnet-0a", HTTPTokens: "required",
				RootVolumeID: "vol-0webroot", Monitoring: true, Profile: "web-app", PublicIP: "203.0.113.10",
				Groups: []string{"sg-0web"}, Tags: prod(nil)},
			{ID: "i-0gone", AMI: "ami-0web", Type: "t3.small", SubnetID: "subnet-0a", State: "terminated", HTTPTokens: "optional"},
			{ID: "i-0legacy", AMI: "ami-0legacy", Type: "t2.medium", SubnetID: "subnet-0a", HTTPTokens: "optional",
				RootVolumeID: "vol-0legacyroot", Groups: []string{"sg-0db"}, Tags: prod(nil)},
		}},
		Templates: map[string][]LaunchTemplate{r: {
			{ID: "lt-0web", Name: "web", HTTPTokens: "required", Encrypted: &yes, Tags: prod(nil)},
			{ID: "lt-0legacy", Name: "legacy-batch", HTTPTokens: "optional", Encrypted: &no, Tags: prod(nil)},
		}},
		EBSDefault: map[string]bool{r: false},
		Trails:     map[string][]Trail{r: {{Name: "org-trail", Bucket: "acme-logs", MultiRegion: true, Validation: false, Logging: true}}},
		Keys: map[string][]Key{r: {
			{ID: "key-data", Rotation: true, Tags: prod(nil)},
			{ID: "key-legacy", Rotation: false, Tags: prod(nil)},
			{ID: "key-aws-s3", AWSOwned: true},
		}},
		DBInstances: map[string][]DBInstance{r: {
			{ID: "app-db", Engine: "postgres", Encrypted: false, Public: true, MultiAZ: false, BackupDays: 1,
				Storage: 20, Tags: prod(nil)},
			{ID: "reports-db", Engine: "postgres", Encrypted: true, MultiAZ: true, BackupDays: 14, DeletionProtect: true,
				IAMAuth: true, Storage: 50, MaxStorage: 200, Tags: prod(nil)},
		}},
		Tables: map[string][]Table{r: {
			{Name: "orders", Tags: prod(nil)},
			{Name: "events", KMSKeyArn: "arn:aws:kms:" + r + ":" + AccountID + ":key/key-data", PITR: true, Tags: prod(nil)},
		}},
	}
}
