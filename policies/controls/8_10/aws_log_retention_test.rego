package annexa.controls.c8_10.aws_log_retention_test

import data.annexa.controls.c8_10.aws_log_retention as check
import data.annexa.lib.testing

test_pass_one_year if {
	g := testing.resource("aws_cloudwatch_log_group", "flow", {"name": "/aws/vpc/flow", "retention_in_days": 365})
	count(check.deny) == 0 with data.facts as testing.facts([g])
}

test_fail_never_expire if {
	g := testing.resource("aws_cloudwatch_log_group", "app", {"name": "/acme/app", "retention_in_days": 0})
	check.deny == {{
		"msg": "CloudWatch log group keeps its events forever (retention_in_days is 0, never expire)",
		"resource": "aws_cloudwatch_log_group.app",
	}} with data.facts as testing.facts([g])
}

test_pass_unknown_not_judged if {
	g := object.union(testing.resource("aws_cloudwatch_log_group", "app", {"name": "/acme/app"}), {"unknown": ["retention_in_days"]})
	count(check.deny) == 0 with data.facts as testing.facts([g])
}

test_fail_retention_left_out if {
	g := testing.resource("aws_cloudwatch_log_group", "app", {"name": "/acme/app"})
	{f.resource | some f in check.deny} == {"aws_cloudwatch_log_group.app"} with data.facts as testing.facts([g])
}

test_pass_judges_known_retention if {
	g := testing.resource("aws_cloudwatch_log_group", "flow", {"name": "/aws/vpc/flow", "retention_in_days": 365})
	check.judged == {"aws_cloudwatch_log_group.flow"} with data.facts as testing.facts([g])
	u := object.union(testing.resource("aws_cloudwatch_log_group", "app", {"name": "/acme/app"}), {"unknown": ["retention_in_days"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}
