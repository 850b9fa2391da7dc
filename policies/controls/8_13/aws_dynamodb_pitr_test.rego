package annexa.controls.c8_13.aws_dynamodb_pitr_test

import data.annexa.controls.c8_13.aws_dynamodb_pitr as check
import data.annexa.lib.testing

test_pass_enabled if {
	facts := testing.facts([testing.resource("aws_dynamodb_table", "t", {"point_in_time_recovery": [{"enabled": true}]})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_disabled if {
	facts := testing.facts([testing.resource("aws_dynamodb_table", "t", {"point_in_time_recovery": [{"enabled": false}]})])
	check.deny == {{"msg": "DynamoDB table has point-in-time recovery off", "resource": "aws_dynamodb_table.t"}} with data.facts as facts
}

test_fail_block_absent if {
	facts := testing.facts([testing.resource("aws_dynamodb_table", "t", {"name": "t"})])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_unknown_not_judged if {
	t := object.union(testing.resource("aws_dynamodb_table", "t", {}), {"unknown": ["point_in_time_recovery"]})
	count(check.deny) == 0 with data.facts as testing.facts([t])
}
