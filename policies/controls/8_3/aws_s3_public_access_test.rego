package annexa.controls.c8_3.aws_s3_public_access_test

import data.annexa.controls.c8_3.aws_s3_public_access as check
import data.annexa.lib.testing

settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

bucket := testing.resource("aws_s3_bucket", "uploads", {"bucket": "acme-uploads"})

block(flags) := testing.with_refs(
	testing.resource("aws_s3_bucket_public_access_block", "uploads", flags),
	{"bucket": ["aws_s3_bucket.uploads"]},
)

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_pass_blocked_private_acl if {
	acl := testing.resource("aws_s3_bucket_acl", "uploads", {"acl": "private"})
	count(check.deny) == 0 with data.facts as testing.facts([bucket, block(all_on), acl])
}

test_fail_weak_block if {
	weak := object.union(all_on, {"block_public_acls": false, "restrict_public_buckets": false})
	findings := check.deny with data.facts as testing.facts([bucket, block(weak)])
	count(findings) == 1
	some f in findings
	f.resource == "aws_s3_bucket_public_access_block.uploads"
	f.details.settings_off == ["block_public_acls", "restrict_public_buckets"]
}

test_fail_no_block if {
	check.deny == {{"msg": "S3 bucket has no public access block", "resource": "aws_s3_bucket.uploads", "details": {"settings_off": settings}}} with data.facts as testing.facts([bucket])
}

test_pass_account_level_block if {
	account := testing.resource("aws_s3_account_public_access_block", "this", all_on)
	count(check.deny) == 0 with data.facts as testing.facts([bucket, account])
}

test_fail_public_read_acl if {
	acl := testing.resource("aws_s3_bucket_acl", "uploads", {"acl": "public-read"})
	findings := check.deny with data.facts as testing.facts([bucket, block(all_on), acl])
	{f.resource | some f in findings} == {"aws_s3_bucket_acl.uploads"}
}

test_fail_all_users_grant if {
	acl := testing.resource("aws_s3_bucket_acl", "uploads", {"access_control_policy": [{"grant": [{
		"permission": "READ",
		"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}],
	}]}]})
	count(check.deny) == 1 with data.facts as testing.facts([bucket, block(all_on), acl])
}

test_fail_legacy_inline_acl if {
	b := testing.resource("aws_s3_bucket", "old", {"acl": "public-read-write"})
	account := testing.resource("aws_s3_account_public_access_block", "this", all_on)
	count(check.deny) == 1 with data.facts as testing.facts([b, account])
}

test_pass_block_linked_by_bucket_name if {
	pab := testing.resource("aws_s3_bucket_public_access_block", "uploads", object.union(all_on, {"bucket": "acme-uploads"}))
	count(check.deny) == 0 with data.facts as testing.facts([bucket, pab])
}

test_pass_judges_buckets_blocks_and_acls if {
	acl := testing.resource("aws_s3_bucket_acl", "uploads", {"acl": "private"})
	judged := check.judged with data.facts as testing.facts([bucket, block(all_on), acl])
	judged == {"aws_s3_bucket.uploads", "aws_s3_bucket_public_access_block.uploads", "aws_s3_bucket_acl.uploads"}
}

test_pass_unknown_block_and_acl_not_judged if {
	pab := object.union(block({}), {"unknown": settings})
	acl := object.union(testing.resource("aws_s3_bucket_acl", "uploads", {}), {"unknown": ["acl"]})
	count(check.judged) == 0 with data.facts as testing.facts([pab, acl])
}

test_fail_account_block_weak_setting if {
	account := testing.resource("aws_s3_account_public_access_block", "this", object.union(all_on, {"block_public_policy": false}))
	findings := check.deny with data.facts as testing.facts([bucket, account])
	{f.resource | some f in findings} == {"aws_s3_account_public_access_block.this", "aws_s3_bucket.uploads"}
	some f in findings
	f.resource == "aws_s3_bucket.uploads"
	f.details.settings_off == ["block_public_policy"]
}

test_pass_settings_combined_with_account if {
	# The bucket's block leaves two settings off that the account turns on.
	account := testing.resource("aws_s3_account_public_access_block", "this", all_on)
	weak := object.union(all_on, {"block_public_acls": false, "ignore_public_acls": false})
	count(check.deny) == 0 with data.facts as testing.facts([bucket, block(weak), account])
}

test_fail_setting_off_at_both_levels if {
	account := testing.resource("aws_s3_account_public_access_block", "this", object.union(all_on, {"ignore_public_acls": false}))
	weak := object.union(all_on, {"block_public_acls": false, "ignore_public_acls": false})
	findings := check.deny with data.facts as testing.facts([bucket, block(weak), account])
	some f in findings
	f.resource == "aws_s3_bucket_public_access_block.uploads"
	f.details.settings_off == ["ignore_public_acls"]
}

test_fail_left_out_setting_is_off if {
	pab := object.union(block({"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true}), {"configured": ["block_public_acls", "block_public_policy", "bucket", "ignore_public_acls"]})
	findings := check.deny with data.facts as testing.facts([bucket, pab])
	{f.details.settings_off | some f in findings} == {["restrict_public_buckets"]}
}

test_pass_for_each_block_links_by_key if {
	b := object.union(testing.resource("aws_s3_bucket", "b", {"bucket": "acme-a"}), {"id": "aws_s3_bucket.b[\"a\"]", "index": "a"})
	pab := object.union(testing.resource("aws_s3_bucket_public_access_block", "p", all_on), {"id": "aws_s3_bucket_public_access_block.p[\"a\"]", "index": "a", "unknown": ["bucket"]})
	count(check.deny) == 0 with data.facts as testing.facts([b, pab])
	other := object.union(pab, {"id": "aws_s3_bucket_public_access_block.p[\"z\"]", "index": "z"})
	count(check.deny) == 1 with data.facts as testing.facts([b, other])
}
