package annexa.controls.c8_20.aws_default_security_group_test

import data.annexa.controls.c8_20.aws_default_security_group as check
import data.annexa.lib.testing

vpc := testing.resource("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

test_pass_no_rules if {
	sg := testing.with_refs(testing.resource("aws_default_security_group", "default", {"ingress": [], "egress": []}), {"vpc_id": ["aws_vpc.main"]})
	facts := testing.facts([vpc, sg])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_default_security_group.default"} with data.facts as facts
}

test_fail_inline_rules if {
	sg := testing.resource("aws_default_security_group", "default", {
		"ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}],
		"egress": [{"protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "from_port": 0, "to_port": 0}],
	})
	check.deny == {{
		"msg": "default security group allows inbound and outbound traffic",
		"resource": "aws_default_security_group.default",
		"details": {"directions": ["ingress", "egress"]},
	}} with data.facts as testing.facts([sg])
}

test_fail_rule_on_vpc_default_group if {
	r := testing.with_refs(
		testing.resource("aws_vpc_security_group_ingress_rule", "ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "10.0.0.0/8"}),
		{"security_group_id": ["aws_vpc.main"]},
	)
	count(check.deny) == 1 with data.facts as testing.facts([vpc, r])
	check.judged == {"aws_vpc_security_group_ingress_rule.ssh"} with data.facts as testing.facts([vpc, r])
}

test_pass_rule_on_own_group_not_judged if {
	sg := testing.resource("aws_security_group", "web", {})
	r := testing.with_refs(testing.resource("aws_security_group_rule", "https", {"type": "ingress"}), {"security_group_id": ["aws_security_group.web"]})
	count(check.deny) == 0 with data.facts as testing.facts([vpc, sg, r])
	count(check.judged) == 0 with data.facts as testing.facts([vpc, sg, r])
}

test_pass_left_out_rules_are_revoked if {
	sg := object.union(testing.resource("aws_default_security_group", "default", {}), {"configured": ["vpc_id"], "unknown": ["egress", "ingress"]})
	count(check.deny) == 0 with data.facts as testing.facts([sg])
	check.judged == {"aws_default_security_group.default"} with data.facts as testing.facts([sg])
}
