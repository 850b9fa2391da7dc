package annexa.controls.c8_20.aws_security_group_test

import data.annexa.controls.c8_20.aws_security_group as check
import data.annexa.lib.testing

ingress(from, to, protocol, ipv4, ipv6) := {
	"from_port": from, "to_port": to, "protocol": protocol,
	"cidr_blocks": ipv4, "ipv6_cidr_blocks": ipv6,
	"security_groups": [], "self": false, "prefix_list_ids": [], "description": "",
}

group(rules) := testing.resource("aws_security_group", "web", {"name": "web", "ingress": rules})

test_pass_https_open_ssh_restricted if {
	facts := testing.facts([group([
		ingress(443, 443, "tcp", ["0.0.0.0/0"], ["::/0"]),
		ingress(22, 22, "tcp", ["10.99.0.0/16"], []),
	])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_ssh_open_to_world if {
	facts := testing.facts([group([ingress(22, 22, "tcp", ["0.0.0.0/0"], [])])])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	f.resource == "aws_security_group.web"
	f.details.ports == ["22 (SSH)"]
	contains(f.msg, "0.0.0.0/0")
}

test_fail_source_rule_sets_only_ipv4 if {
	# As Terraform source gives it: only the arguments the rule sets.
	rule := {"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}
	findings := check.deny with data.facts as testing.facts([group([rule])])
	some f in findings
	f.details.ports == ["3389 (RDP)"]
}

test_fail_port_range_covers_database if {
	facts := testing.facts([group([ingress(5000, 6000, "tcp", [], ["::/0"])])])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.ports == ["5432 (PostgreSQL)", "5439 (Redshift)", "5900 (VNC)", "5985 (WinRM)", "5986 (WinRM over HTTPS)"]
}

test_fail_all_protocols if {
	facts := testing.facts([group([ingress(0, 0, "-1", ["0.0.0.0/0"], [])])])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.ports == ["all ports"]
}

test_pass_unknown_cidrs_not_judged if {
	facts := testing.facts([group([{"from_port": 22, "to_port": 22, "protocol": "tcp"}])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_separate_rule_linked_to_group if {
	sg := testing.resource("aws_security_group", "db", {"name": "db"})
	rule := testing.with_refs(
		testing.resource("aws_security_group_rule", "db_public", {
			"type": "ingress", "from_port": 5432, "to_port": 5432, "protocol": "tcp",
			"cidr_blocks": ["0.0.0.0/0"],
		}),
		{"security_group_id": ["aws_security_group.db"]},
	)
	findings := check.deny with data.facts as testing.facts([sg, rule])
	count(findings) == 1
	some f in findings
	f.resource == "aws_security_group_rule.db_public"
	f.details.security_group == "aws_security_group.db"
}

test_pass_egress_rule_ignored if {
	rule := testing.resource("aws_security_group_rule", "out", {
		"type": "egress", "from_port": 0, "to_port": 0, "protocol": "-1",
		"cidr_blocks": ["0.0.0.0/0"],
	})
	count(check.deny) == 0 with data.facts as testing.facts([rule])
}

test_fail_vpc_ingress_rule_ipv6_rdp if {
	rule := testing.resource("aws_vpc_security_group_ingress_rule", "admin_rdp", {
		"cidr_ipv6": "::/0", "from_port": 3389, "to_port": 3389, "ip_protocol": "tcp",
	})
	findings := check.deny with data.facts as testing.facts([rule])
	some f in findings
	f.details.ports == ["3389 (RDP)"]
	f.details.source == "::/0"
}

test_pass_vpc_ingress_rule_from_vpn if {
	rule := testing.resource("aws_vpc_security_group_ingress_rule", "admin_rdp", {
		"cidr_ipv4": "10.99.0.0/16", "from_port": 3389, "to_port": 3389, "ip_protocol": "tcp",
	})
	count(check.deny) == 0 with data.facts as testing.facts([rule])
}

test_fail_vpc_ingress_rule_all_traffic if {
	rule := testing.resource("aws_vpc_security_group_ingress_rule", "all", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": "-1"})
	count(check.deny) == 1 with data.facts as testing.facts([rule])
}

test_pass_judges_groups_and_rules_with_known_sources if {
	sg := group([ingress(443, 443, "tcp", ["0.0.0.0/0"], [])])
	rule := testing.resource("aws_vpc_security_group_ingress_rule", "vpn", {"cidr_ipv4": "10.99.0.0/16", "ip_protocol": "tcp"})
	check.judged == {"aws_security_group.web", "aws_vpc_security_group_ingress_rule.vpn"} with data.facts as testing.facts([sg, rule])
	empty := testing.resource("aws_security_group", "empty", {"name": "empty", "ingress": []})
	check.judged == {"aws_security_group.empty"} with data.facts as testing.facts([empty])
}

test_pass_unknown_sources_and_egress_not_judged if {
	unknown := group([{"from_port": 22, "to_port": 22, "protocol": "tcp"}])
	out := testing.resource("aws_security_group_rule", "out", {"type": "egress", "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]})
	count(check.judged) == 0 with data.facts as testing.facts([unknown, out])
}

test_fail_tcp_minus_one_range_is_every_port if {
	facts := testing.facts([group([ingress(-1, -1, "tcp", ["0.0.0.0/0"], [])])])
	findings := check.deny with data.facts as facts
	some f in findings
	"22 (SSH)" in f.details.ports
	"3389 (RDP)" in f.details.ports
}

test_fail_separate_rules_tcp_every_port if {
	sg := testing.resource("aws_security_group", "api", {"name": "api"})
	old := testing.resource("aws_security_group_rule", "any_tcp", {
		"type": "ingress", "protocol": "6", "from_port": 0, "to_port": 65535,
		"ipv6_cidr_blocks": ["::/0"],
	})
	vpc := testing.resource("aws_vpc_security_group_ingress_rule", "any_tcp", {
		"ip_protocol": "tcp", "from_port": -1, "to_port": -1, "cidr_ipv4": "0.0.0.0/0",
	})
	findings := check.deny with data.facts as testing.facts([sg, old, vpc])
	{f.resource | some f in findings; "22 (SSH)" in f.details.ports} == {
		"aws_security_group_rule.any_tcp",
		"aws_vpc_security_group_ingress_rule.any_tcp",
	}
}

test_pass_tcp_port_zero_only if {
	facts := testing.facts([group([ingress(0, 0, "tcp", ["0.0.0.0/0"], [])])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_security_group.web"} with data.facts as facts
}
