package annexa.controls.c8_6.aws_dynamodb_autoscaling_test

import data.annexa.controls.c8_6.aws_dynamodb_autoscaling as check
import data.annexa.lib.testing

table(mode) := testing.resource("aws_dynamodb_table", "ledger", {"name": "acme-ledger", "billing_mode": mode, "read_capacity": 20, "write_capacity": 10})

target(name, dim) := testing.with_refs(
	testing.resource("aws_appautoscaling_target", name, {
		"service_namespace": "dynamodb",
		"scalable_dimension": dim,
		"resource_id": "table/acme-ledger",
		"min_capacity": 5,
		"max_capacity": 200,
	}),
	{"resource_id": ["aws_dynamodb_table.ledger"]},
)

read := target("ledger_read", "dynamodb:table:ReadCapacityUnits")

write := target("ledger_write", "dynamodb:table:WriteCapacityUnits")

test_pass_on_demand if {
	count(check.deny) == 0 with data.facts as testing.facts([table("PAY_PER_REQUEST")])
}

test_pass_provisioned_with_autoscaling if {
	count(check.deny) == 0 with data.facts as testing.facts([table("PROVISIONED"), read, write])
}

test_fail_provisioned_without_autoscaling if {
	check.deny == {{
		"msg": "provisioned DynamoDB table has no auto scaling of its read and write capacity",
		"resource": "aws_dynamodb_table.ledger",
	}} with data.facts as testing.facts([table("PROVISIONED")])
}

test_fail_write_not_scaled if {
	findings := check.deny with data.facts as testing.facts([table("PROVISIONED"), read])
	{f.msg | some f in findings} == {"provisioned DynamoDB table has no auto scaling of its write capacity"}
}

test_pass_linked_by_name_only if {
	r := testing.resource("aws_appautoscaling_target", "r", {"service_namespace": "dynamodb", "scalable_dimension": "dynamodb:table:ReadCapacityUnits", "resource_id": "table/acme-ledger"})
	w := testing.resource("aws_appautoscaling_target", "w", {"service_namespace": "dynamodb", "scalable_dimension": "dynamodb:table:WriteCapacityUnits", "resource_id": "table/acme-ledger"})
	count(check.deny) == 0 with data.facts as testing.facts([table("PROVISIONED"), r, w])
}

test_fail_index_targets_do_not_count if {
	r := testing.resource("aws_appautoscaling_target", "r", {"service_namespace": "dynamodb", "scalable_dimension": "dynamodb:index:ReadCapacityUnits", "resource_id": "table/acme-ledger/index/by-merchant"})
	count(check.deny) == 1 with data.facts as testing.facts([table("PROVISIONED"), r, write])
}

test_fail_default_billing_mode_is_provisioned if {
	t := testing.resource("aws_dynamodb_table", "old", {"name": "acme-old"})
	count(check.deny) == 1 with data.facts as testing.facts([t])
}

test_pass_judges_tables_with_a_known_billing_mode if {
	check.judged == {"aws_dynamodb_table.ledger"} with data.facts as testing.facts([table("PAY_PER_REQUEST"), read])
	later := object.union(testing.resource("aws_dynamodb_table", "later", {"name": "later"}), {"unknown": ["billing_mode"]})
	count(check.judged) == 0 with data.facts as testing.facts([later])
}
