package annexa.controls.c5_9.example_owner_tag_test

import data.annexa.controls.c5_9.example_owner_tag as check
import data.annexa.lib.testing

test_pass_owner_tag if {
	facts := testing.facts([testing.resource("aws_s3_bucket", "b", {"tags": {"owner": "platform"}})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_s3_bucket.b"} with data.facts as facts
}

test_fail_no_owner_tag if {
	facts := testing.facts([testing.resource("aws_s3_bucket", "b", {"tags": {}})])
	count(check.deny) == 1 with data.facts as facts
}
