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

# point_in_time_recovery left out: unknown in a plan (or null), the provider's default
left_out_point_in_time_recovery := object.union(
	testing.resource("aws_dynamodb_table", "omitted", {"name": "t"}),
	{"configured": ["name"], "unknown": ["point_in_time_recovery"]},
)

test_fail_point_in_time_recovery_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_point_in_time_recovery])
	some f in findings
	contains(f.msg, "point-in-time recovery off")
}

test_pass_point_in_time_recovery_written_but_unknown if {
	written := object.union(left_out_point_in_time_recovery, {"configured": ["name", "point_in_time_recovery"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "point-in-time recovery off")
	}
}

test_pass_point_in_time_recovery_configuration_unsaid if {
	unsaid := object.remove(left_out_point_in_time_recovery, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "point-in-time recovery off")
	}
}

test_pass_judges_decided_tables if {
	check.judged == {"aws_dynamodb_table.omitted"} with data.facts as testing.facts([left_out_point_in_time_recovery])
	t := object.union(testing.resource("aws_dynamodb_table", "t", {}), {"unknown": ["point_in_time_recovery"]})
	count(check.judged) == 0 with data.facts as testing.facts([t])
}
