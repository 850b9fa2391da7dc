package annexa.controls.c8_16.aws_vpc_flow_logs_test

import data.annexa.controls.c8_16.aws_vpc_flow_logs as check
import data.annexa.lib.testing

vpc := testing.resource("aws_vpc", "main", {"cidr_block": "10.20.0.0/16"})

test_pass_flow_log_by_reference if {
	fl := testing.with_refs(testing.resource("aws_flow_log", "main", {"traffic_type": "ALL"}), {"vpc_id": ["aws_vpc.main"]})
	count(check.deny) == 0 with data.facts as testing.facts([vpc, fl])
}

test_pass_flow_log_by_known_id if {
	existing := testing.resource("aws_vpc", "old", {"id": "vpc-0123"})
	fl := testing.resource("aws_flow_log", "old", {"vpc_id": "vpc-0123"})
	count(check.deny) == 0 with data.facts as testing.facts([existing, fl])
}

test_fail_no_flow_log if {
	check.deny == {{"msg": "VPC has no flow log", "resource": "aws_vpc.main"}} with data.facts as testing.facts([vpc])
}

test_fail_flow_log_of_other_vpc if {
	fl := testing.with_refs(testing.resource("aws_flow_log", "other", {}), {"vpc_id": ["aws_vpc.other"]})
	count(check.deny) == 1 with data.facts as testing.facts([vpc, fl])
}

test_pass_judges_every_vpc if {
	vpc := testing.resource("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})
	check.judged == {"aws_vpc.main"} with data.facts as testing.facts([vpc])
	count(check.judged) == 0 with data.facts as testing.facts([testing.resource("aws_flow_log", "main", {})])
}
