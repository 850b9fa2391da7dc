package annexa.lib.params

# Google Cloud thresholds. The benchmark followed is the CIS Google Cloud
# Platform Foundation Benchmark v3.0.0 (docs/cis/gcp.md).

defaults["gcp_kms_rotation_max_days"] := {
	"default": 90,
	"description": "Longest automatic rotation period, in days, of a symmetric Cloud KMS key.",
	"source": "CIS GCP Foundations 3.0.0 1.10",
}

defaults["gcp_sql_backup_min_retained"] := {
	"default": 7,
	"description": "Fewest automated backups a Cloud SQL instance keeps (backup_retention_settings.retained_backups).",
	"source": "CIS GCP Foundations 3.0.0 6.7 (automated backups on); 7 is Cloud SQL's own default retention",
}

defaults["gcp_sql_password_min_length"] := {
	"default": 14,
	"description": "Shortest password a Cloud SQL password validation policy may allow for built-in users.",
	"source": "CIS Password Policy Guide (14 characters); CIS GCP Foundations 3.0.0 has no Cloud SQL password length recommendation",
}
