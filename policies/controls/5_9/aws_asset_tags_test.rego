package annexa.controls.c5_9.aws_asset_tags_test

import data.annexa.controls.c5_9.aws_asset_tags as check
import data.annexa.lib.testing

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "AWS-PROD", "name": "AWS production account", "type": "cloud_account", "status": "active"},
	{"id": "AWS-OLD", "name": "Old sandbox account", "type": "cloud_account", "status": "retired"},
]})

bucket(tags) := testing.resource("aws_s3_bucket", "data", {"bucket": "acme-data", "tags": null, "tags_all": tags})

test_pass_tagged_with_registered_asset if {
	facts := testing.facts([assets, bucket({"Asset": "AWS-PROD", "Name": "acme-data"})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_nothing_judged_without_register if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket({"Name": "acme-data"})])
}

test_pass_asset_id_key_variant if {
	count(check.deny) == 0 with data.facts as testing.facts([assets, bucket({"asset_id": "AWS-PROD"})])
}

test_pass_tags_unknown_or_untaggable if {
	unknown := object.union(testing.resource("aws_s3_bucket", "later", {}), {"unknown": ["tags_all"]})
	attachment := testing.resource("aws_iam_role_policy_attachment", "a", {"role": "r"})
	other := testing.resource("google_storage_bucket", "g", {"labels": {}, "tags_all": {}})
	count(check.deny) == 0 with data.facts as testing.facts([assets, unknown, attachment, other])
}

test_fail_untagged if {
	check.deny == {{
		"msg": "aws_s3_bucket has no asset tag (asset or asset_id) linking it to the asset register",
		"resource": "aws_s3_bucket.data",
	}} with data.facts as testing.facts([assets, bucket({"Name": "acme-data"})])
}

test_fail_tag_names_unknown_asset if {
	check.deny == {{
		"msg": "aws_s3_bucket is tagged asset \"AWS-STAGING\", which is not in the asset register",
		"resource": "aws_s3_bucket.data",
	}} with data.facts as testing.facts([assets, bucket({"asset": "AWS-STAGING"})])
}

test_fail_tag_names_retired_asset if {
	[f.msg | some f in check.deny] == ["aws_s3_bucket is tagged asset \"AWS-OLD\", which the asset register no longer lists as in use"] with data.facts as testing.facts([assets, bucket({"asset": "AWS-OLD"})])
}

test_pass_judges_tagged_resources_against_a_register if {
	check.judged == {"aws_s3_bucket.data"} with data.facts as testing.facts([assets, bucket({"Asset": "AWS-PROD"})])
	count(check.judged) == 0 with data.facts as testing.facts([bucket({"Name": "acme-data"})])
	unknown := object.union(testing.resource("aws_s3_bucket", "later", {}), {"unknown": ["tags_all"]})
	count(check.judged) == 0 with data.facts as testing.facts([assets, unknown])
}
