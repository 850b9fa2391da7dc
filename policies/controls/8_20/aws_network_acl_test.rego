package annexa.controls.c8_20.aws_network_acl_test

import data.annexa.controls.c8_20.aws_network_acl as check
import data.annexa.lib.testing

acl(rules) := testing.resource("aws_network_acl", "public", {"vpc_id": "vpc-1", "ingress": rules})

rule(protocol, from, to, cidr) := {"protocol": protocol, "rule_no": 100, "action": "allow", "cidr_block": cidr, "from_port": from, "to_port": to}

test_pass_https_only if {
	facts := testing.facts([acl([rule("tcp", 443, 443, "0.0.0.0/0"), rule("tcp", 22, 22, "10.0.0.0/8")])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_network_acl.public"} with data.facts as facts
}

test_fail_ssh_from_internet if {
	findings := check.deny with data.facts as testing.facts([acl([rule("tcp", 22, 22, "0.0.0.0/0")])])
	{f.details.ports | some f in findings} == {["22 (SSH)"]}
}

test_fail_all_protocols if {
	findings := check.deny with data.facts as testing.facts([acl([rule("-1", 0, 0, "0.0.0.0/0")])])
	{f.details.ports | some f in findings} == {["all ports"]}
}

test_fail_ipv6_spelling if {
	r := {"protocol": "6", "rule_no": 110, "action": "allow", "ipv6_cidr_block": "0::/0", "from_port": 3000, "to_port": 4000}
	findings := check.deny with data.facts as testing.facts([acl([r])])
	{f.details.ports | some f in findings} == {["3389 (RDP)"]}
}

test_pass_deny_rule if {
	r := object.union(rule("-1", 0, 0, "0.0.0.0/0"), {"action": "deny"})
	count(check.deny) == 0 with data.facts as testing.facts([acl([r])])
}

test_fail_separate_rule if {
	r := testing.resource("aws_network_acl_rule", "ssh", {"network_acl_id": "acl-1", "rule_number": 100, "rule_action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22})
	count(check.deny) == 1 with data.facts as testing.facts([r])
	check.judged == {"aws_network_acl_rule.ssh"} with data.facts as testing.facts([r])
	egress := testing.resource("aws_network_acl_rule", "out", {"egress": true, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})
	count(check.deny) == 0 with data.facts as testing.facts([egress])
	count(check.judged) == 0 with data.facts as testing.facts([egress])
}

test_fail_rule_without_ports_covers_all if {
	r := {"protocol": "tcp", "action": "allow", "cidr_block": "0.0.0.0/0"}
	count(check.deny) == 1 with data.facts as testing.facts([acl([r])])
}
