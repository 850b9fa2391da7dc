# AWS policy parameters: the thresholds of the AWS policies, with the CIS Amazon Web Services
# Foundations Benchmark v3.0.0 recommendation (or, where CIS sets no
# number, the AWS guidance) each default follows.
package annexa.lib.params

defaults["aws_password_min_length"] := {
	"default": 14,
	"description": "Shortest IAM user password the account password policy may allow.",
	"source": "CIS AWS Foundations 3.0.0 1.8",
}

defaults["aws_password_reuse_prevention"] := {
	"default": 24,
	"description": "Fewest previous IAM user passwords the account password policy must refuse to reuse.",
	"source": "CIS AWS Foundations 3.0.0 1.9",
}

defaults["aws_rds_backup_retention_days"] := {
	"default": 7,
	"description": "Fewest days RDS DB instances and clusters keep automated backups.",
	"source": "AWS Foundational Security Best Practices RDS.11 (7 days); CIS AWS Foundations 3.0.0 sets no number",
}

defaults["aws_kms_rotation_max_days"] := {
	"default": 365,
	"description": "Longest period, in days, between automatic rotations of a customer-managed KMS key.",
	"source": "CIS AWS Foundations 3.0.0 3.6 (yearly rotation, the AWS KMS default period)",
}

defaults["aws_access_key_max_age_days"] := {
	"default": 90,
	"description": "Most days an active IAM user access key may live before it must be rotated.",
	"source": "CIS AWS Foundations 3.0.0 1.14",
}
