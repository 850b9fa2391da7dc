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

# server_side_encryption left out: unknown in a plan (or null), the provider's default
left_out_server_side_encryption := object.union(
	testing.resource("aws_dynamodb_table", "omitted", {"name": "t"}),
	{"configured": ["name"], "unknown": ["server_side_encryption"]},
)

test_fail_server_side_encryption_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_server_side_encryption])
	some f in findings
	contains(f.msg, "AWS owned key")
}

test_pass_server_side_encryption_written_but_unknown if {
	written := object.union(left_out_server_side_encryption, {"configured": ["name", "server_side_encryption"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "AWS owned key")
	}
}

test_pass_server_side_encryption_configuration_unsaid if {
	unsaid := object.remove(left_out_server_side_encryption, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "AWS owned key")
	}
}

test_pass_judges_decided_tables if {
	check.judged == {"aws_dynamodb_table.omitted"} with data.facts as testing.facts([left_out_server_side_encryption])
	t := object.union(testing.resource("aws_dynamodb_table", "t", {}), {"unknown": ["server_side_encryption"]})
	count(check.judged) == 0 with data.facts as testing.facts([t])
}
