package annexa.controls.c8_24.aws_dynamodb_test

import data.annexa.controls.c8_24.aws_dynamodb as check
import data.annexa.lib.testing

test_pass_kms if {
	facts := testing.facts([testing.resource("aws_dynamodb_table", "t", {"server_side_encryption": [{"enabled": true}]})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_no_sse_block if {
	facts := testing.facts([testing.resource("aws_dynamodb_table", "t", {"server_side_encryption": []})])
	count(check.deny) == 1 with data.facts as facts
}

test_fail_sse_disabled if {
	facts := testing.facts([testing.resource("aws_dynamodb_table", "t", {"server_side_encryption": [{"enabled": false}]})])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_unknown_not_judged if {
	t := object.union(testing.resource("aws_dynamodb_table", "t", {}), {"unknown": ["server_side_encryption"]})
	count(check.deny) == 0 with data.facts as testing.facts([t])
}
