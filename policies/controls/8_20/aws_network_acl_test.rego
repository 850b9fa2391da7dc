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

numbered(r, no, action) := object.union(r, {"rule_no": no, "action": action})

test_fail_deny_ssh_first_shadows_only_ssh if {
	# deny 0.0.0.0/0 to 22 at 100, allow everything at 200: port 22 is
	# not open, the other administration ports are.
	rules := [
		numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 100, "deny"),
		numbered(rule("-1", 0, 0, "0.0.0.0/0"), 200, "allow"),
	]
	findings := check.deny with data.facts as testing.facts([acl(rules)])
	{f.details.ports | some f in findings} == {["23 (Telnet)", "3389 (RDP)", "5900 (VNC)", "5985 (WinRM)", "5986 (WinRM over HTTPS)"]}
}

test_pass_denies_first_shadow_every_admin_port if {
	rules := [
		numbered(rule("tcp", 0, 1023, "0.0.0.0/0"), 100, "deny"),
		numbered(rule("6", 3389, 3389, "0.0.0.0/0"), 110, "deny"),
		numbered(rule("tcp", 5900, 5986, "0.0.0.0/0"), 120, "deny"),
		numbered(rule("-1", 0, 0, "0.0.0.0/0"), 200, "allow"),
	]
	count(check.deny) == 0 with data.facts as testing.facts([acl(rules)])
	check.judged == {"aws_network_acl.public"} with data.facts as testing.facts([acl(rules)])
}

test_fail_deny_after_allow_does_not_shadow if {
	rules := [
		numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 100, "allow"),
		numbered(rule("-1", 0, 0, "0.0.0.0/0"), 200, "deny"),
	]
	findings := check.deny with data.facts as testing.facts([acl(rules)])
	{f.details.ports | some f in findings} == {["22 (SSH)"]}
}

test_fail_deny_of_narrower_source_other_family_or_udp_does_not_shadow if {
	rules := [
		numbered(rule("tcp", 22, 22, "10.0.0.0/8"), 10, "deny"),
		numbered({"protocol": "-1", "ipv6_cidr_block": "::/0", "from_port": 0, "to_port": 0}, 20, "deny"),
		numbered(rule("udp", 22, 22, "0.0.0.0/0"), 30, "deny"),
		numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 100, "allow"),
	]
	findings := check.deny with data.facts as testing.facts([acl(rules)])
	{f.details.ports | some f in findings} == {["22 (SSH)"]}
}

test_fail_deny_of_port_zero_does_not_shadow if {
	# tcp 0-0 is port 0 alone: it stops nothing on port 22.
	rules := [
		numbered(rule("tcp", 0, 0, "0.0.0.0/0"), 10, "deny"),
		numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 100, "allow"),
	]
	count(check.deny) == 1 with data.facts as testing.facts([acl(rules)])
}

test_pass_udp_only_rule_opens_no_admin_port if {
	count(check.deny) == 0 with data.facts as testing.facts([acl([rule("udp", 0, 65535, "0.0.0.0/0")])])
}

separate(name, no, action, protocol, from, to) := testing.resource("aws_network_acl_rule", name, {
	"network_acl_id": "acl-0123", "rule_number": no, "rule_action": action, "egress": false,
	"protocol": protocol, "cidr_block": "0.0.0.0/0", "from_port": from, "to_port": to,
})

test_pass_separate_deny_first_shadows_allow if {
	facts := testing.facts([
		separate("deny_tcp", 90, "deny", "tcp", 0, 65535),
		separate("allow_tcp", 100, "allow", "tcp", 0, 65535),
	])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_network_acl_rule.deny_tcp", "aws_network_acl_rule.allow_tcp"} with data.facts as facts
}

test_fail_separate_deny_of_another_acl_does_not_shadow if {
	other := object.union(separate("deny_tcp", 90, "deny", "tcp", 0, 65535), {"attributes": {"network_acl_id": "acl-9999"}})
	findings := check.deny with data.facts as testing.facts([other, separate("allow_ssh", 100, "allow", "tcp", 22, 22)])
	{f.resource | some f in findings} == {"aws_network_acl_rule.allow_ssh"}
}

# linked is a separate rule whose network_acl_id refers to aws_network_acl.edge,
# as Terraform source gives it: unknown, with a reference.
linked(r) := object.union(object.remove(r, ["attributes"]), {
	"attributes": object.remove(r.attributes, ["network_acl_id"]),
	"references": {"network_acl_id": ["aws_network_acl.edge"]},
})

test_pass_separate_deny_linked_by_reference if {
	acl_res := testing.resource("aws_network_acl", "edge", {"vpc_id": "vpc-1"})
	facts := testing.facts([
		acl_res,
		linked(separate("deny_ssh", 90, "deny", "6", 22, 22)),
		linked(separate("allow_ssh", 100, "allow", "tcp", 22, 22)),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_unknown_rule_number_not_shadowed if {
	rules := [
		object.remove(numbered(rule("-1", 0, 0, "0.0.0.0/0"), 0, "deny"), ["rule_no"]),
		numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 100, "allow"),
	]
	count(check.deny) == 1 with data.facts as testing.facts([acl(rules)])
}

test_fail_deny_of_unknown_reach_does_not_shadow if {
	# A deny whose protocol or ports are only known after apply (absent
	# from the facts) stops nothing.
	rules := [
		object.remove(numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 10, "deny"), ["protocol"]),
		object.remove(numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 20, "deny"), ["from_port"]),
		numbered(rule("tcp", 22, 22, "0.0.0.0/0"), 100, "allow"),
	]
	findings := check.deny with data.facts as testing.facts([acl(rules)])
	{f.details.ports | some f in findings} == {["22 (SSH)"]}
}
