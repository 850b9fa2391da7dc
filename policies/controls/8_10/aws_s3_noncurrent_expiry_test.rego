package annexa.controls.c8_10.aws_s3_noncurrent_expiry_test

import data.annexa.controls.c8_10.aws_s3_noncurrent_expiry as check
import data.annexa.lib.testing

bucket := testing.resource("aws_s3_bucket", "exports", {"bucket": "acme-exports"})

versioning(status) := testing.with_refs(
	testing.resource("aws_s3_bucket_versioning", "exports", {"versioning_configuration": [{"status": status, "mfa_delete": "Disabled"}]}),
	{"bucket": ["aws_s3_bucket.exports"]},
)

expire_rule := {
	"id": "expire-after-90-days",
	"status": "Enabled",
	"filter": [{"prefix": "exports/"}],
	"expiration": [{"days": 90, "date": null, "expired_object_delete_marker": false}],
	"noncurrent_version_expiration": [],
}

noncurrent_rule := {
	"id": "old-versions",
	"status": "Enabled",
	"filter": [{"prefix": ""}],
	"expiration": [{"days": 0, "date": null, "expired_object_delete_marker": true}],
	"noncurrent_version_expiration": [{"noncurrent_days": 30, "newer_noncurrent_versions": null}],
}

lifecycle(rules) := testing.with_refs(
	testing.resource("aws_s3_bucket_lifecycle_configuration", "exports", {"rule": rules}),
	{"bucket": ["aws_s3_bucket.exports"]},
)

test_pass_noncurrent_versions_expire if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket, versioning("Enabled"), lifecycle([expire_rule, noncurrent_rule])])
}

test_fail_noncurrent_versions_kept if {
	check.deny == {{
		"msg": "S3 bucket expires objects but keeps their noncurrent versions forever, so expired data is never deleted",
		"resource": "aws_s3_bucket.exports",
	}} with data.facts as testing.facts([bucket, versioning("Enabled"), lifecycle([expire_rule])])
}

test_pass_unversioned_bucket if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket, versioning("Disabled"), lifecycle([expire_rule])])
}

test_pass_disabled_rule_not_counted if {
	disabled := object.union(expire_rule, {"status": "Disabled"})
	count(check.deny) == 0 with data.facts as testing.facts([bucket, versioning("Enabled"), lifecycle([disabled])])
}

test_fail_legacy_inline_rules_linked_by_name if {
	b := testing.resource("aws_s3_bucket", "logs", {
		"bucket": "acme-logs",
		"versioning": [{"enabled": true, "mfa_delete": false}],
		"lifecycle_rule": [{"enabled": true, "expiration": [{"days": 365, "date": "", "expired_object_delete_marker": false}], "noncurrent_version_expiration": []}],
	})
	count(check.deny) == 1 with data.facts as testing.facts([b])
}

test_pass_no_expiration_rule if {
	b := testing.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "versioning": [{"enabled": true}], "lifecycle_rule": []})
	count(check.deny) == 0 with data.facts as testing.facts([b])
}

test_pass_judges_versioned_expiring_buckets if {
	check.judged == {"aws_s3_bucket.exports"} with data.facts as testing.facts([bucket, versioning("Enabled"), lifecycle([expire_rule, noncurrent_rule])])
	count(check.judged) == 0 with data.facts as testing.facts([bucket, versioning("Disabled"), lifecycle([expire_rule])])
	count(check.judged) == 0 with data.facts as testing.facts([bucket, versioning("Enabled")])
}
