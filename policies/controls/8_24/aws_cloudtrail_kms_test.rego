package annexa.controls.c8_24.aws_cloudtrail_kms_test

import data.annexa.controls.c8_24.aws_cloudtrail_kms as check
import data.annexa.lib.testing

trail(attrs) := testing.resource("aws_cloudtrail", "main", object.union({"name": "org-trail"}, attrs))

test_pass_kms_key if {
	facts := testing.facts([trail({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_cloudtrail.main"} with data.facts as facts
}

test_pass_referenced_key if {
	t := testing.with_refs(object.union(trail({}), {"unknown": ["kms_key_id"]}), {"kms_key_id": ["aws_kms_key.trail"]})
	count(check.deny) == 0 with data.facts as testing.facts([t])
	check.judged == {"aws_cloudtrail.main"} with data.facts as testing.facts([t])
}

test_fail_no_key if {
	check.deny == {{
		"msg": "CloudTrail trail org-trail does not encrypt its log files with a KMS key (kms_key_id is not set)",
		"resource": "aws_cloudtrail.main",
	}} with data.facts as testing.facts([trail({})])
	count(check.deny) == 1 with data.facts as testing.facts([trail({"kms_key_id": ""})])
	count(check.deny) == 1 with data.facts as testing.facts([trail({"kms_key_id": null})])
}
