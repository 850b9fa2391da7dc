package annexa.controls.c8_20.azure_nsg_test

import data.annexa.controls.c8_20.azure_nsg as check
import data.annexa.lib.testing

# rule is an inline security_rule block as the azurerm provider writes it in
# a plan: every attribute present, unused ones empty.
rule(name, priority, access, source, port) := {
	"name": name, "priority": priority, "direction": "Inbound", "access": access,
	"protocol": "Tcp", "source_port_range": "*", "source_port_ranges": [],
	"source_address_prefix": source, "source_address_prefixes": [],
	"source_application_security_group_ids": [],
	"destination_port_range": port, "destination_port_ranges": [],
	"destination_address_prefix": "*", "destination_address_prefixes": [],
	"destination_application_security_group_ids": [], "description": "",
}

nsg(rules) := testing.resource("azurerm_network_security_group", "web", {"name": "nsg-web", "security_rule": rules})

test_pass_https_from_internet_ssh_from_vpn if {
	facts := testing.facts([nsg([
		rule("allow-https", 100, "Allow", "Internet", "443"),
		rule("allow-ssh-vpn", 110, "Allow", "10.99.0.0/16", "22"),
		rule("deny-all", 4096, "Deny", "*", "*"),
	])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_ssh_from_any if {
	facts := testing.facts([nsg([rule("allow-ssh", 100, "Allow", "*", "22")])])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	f.resource == "azurerm_network_security_group.web"
	f.details == {"rule": "allow-ssh", "sources": ["*"], "ports": ["22 (SSH)"]}
	f.msg == "network security group nsg-web rule allow-ssh admits 22 (SSH) from *"
}

test_fail_sql_server_range_in_port_ranges if {
	r := object.union(rule("sql", 200, "Allow", "", ""), {
		"source_address_prefixes": ["203.0.113.0/24", "0.0.0.0/0"],
		"destination_port_ranges": ["443", "1433-1434"],
	})
	findings := check.deny with data.facts as testing.facts([nsg([r])])
	some f in findings
	f.details.ports == ["1433 (SQL Server)"]
	f.details.sources == ["0.0.0.0/0"]
}

test_fail_any_protocol_any_port if {
	r := object.union(rule("all", 300, "Allow", "Internet", "*"), {"protocol": "*"})
	findings := check.deny with data.facts as testing.facts([nsg([r])])
	some f in findings
	f.details.ports == ["all ports"]
}

test_pass_deny_outbound_and_icmp_rules_ignored if {
	facts := testing.facts([nsg([
		rule("deny-ssh", 100, "Deny", "*", "22"),
		object.union(rule("out", 100, "Allow", "*", "*"), {"direction": "Outbound"}),
		object.union(rule("ping", 120, "Allow", "*", "*"), {"protocol": "Icmp"}),
	])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_separate_rule_rdp_from_internet if {
	r := testing.resource("azurerm_network_security_rule", "rdp", object.union(
		rule("rdp", 100, "Allow", "Internet", "3389"),
		{"network_security_group_name": "nsg-admin", "resource_group_name": "rg-prod"},
	))
	findings := check.deny with data.facts as testing.facts([r])
	findings == {{
		"msg": "network security rule rdp admits 3389 (RDP) from Internet",
		"resource": "azurerm_network_security_rule.rdp",
		"details": {"sources": ["Internet"], "ports": ["3389 (RDP)"], "network_security_group": "nsg-admin"},
	}}
}

test_pass_unknown_rules_not_judged if {
	facts := testing.facts([testing.resource("azurerm_network_security_group", "web", {"name": "nsg-web"})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_separate_rule_from_application_security_group if {
	r := testing.resource("azurerm_network_security_rule", "ssh", object.union(
		rule("ssh", 100, "Allow", "", "22"),
		{"source_application_security_group_ids": ["/subscriptions/x/asg-bastion"]},
	))
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

# A separate rule as source writes it: only one of each pair of arguments
# (the list form here), the other left out.
test_fail_separate_rule_with_only_the_list_arguments if {
	r := testing.resource("azurerm_network_security_rule", "ssh", {
		"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_address_prefixes": ["0.0.0.0/0"], "destination_port_ranges": ["22"],
	})
	count(check.deny) == 1 with data.facts as testing.facts([r])
}

test_fail_inline_rule_with_only_the_single_arguments if {
	r := {"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"}
	count(check.deny) == 1 with data.facts as testing.facts([nsg([r])])
}

test_pass_judges_groups_and_inbound_rules if {
	r := testing.resource("azurerm_network_security_rule", "ssh", rule("ssh", 100, "Allow", "10.99.0.0/16", "22"))
	check.judged == {"azurerm_network_security_group.web", "azurerm_network_security_rule.ssh"} with data.facts as testing.facts([nsg([]), r])
}

test_pass_unknown_rules_judge_nothing if {
	unknown := testing.resource("azurerm_network_security_group", "web", {"name": "nsg-web"})
	out := testing.resource("azurerm_network_security_rule", "out", object.union(rule("out", 100, "Allow", "*", "*"), {"direction": "Outbound"}))
	count(check.judged) == 0 with data.facts as testing.facts([unknown, out])
}

test_fail_ipv6_and_zero_prefix_spellings if {
	every src in ["0::/0", "0:0:0:0:0:0:0:0/0", "Any", " 0.0.0.0/0"] {
		count(check.deny) == 1 with data.facts as testing.facts([nsg([rule("rdp", 100, "Allow", src, "3389")])])
	}
}

test_fail_wide_range_without_name_or_priority if {
	r := object.remove(rule("", 0, "Allow", "*", "20-3390"), ["name", "priority"])
	findings := check.deny with data.facts as testing.facts([nsg([r])])
	count(findings) == 1
	some f in findings
	f.details.rule == "(unnamed)"
}

test_fail_separate_rule_without_single_arguments_at_all if {
	r := testing.resource("azurerm_network_security_rule", "ssh", {
		"name": "ssh", "direction": "Inbound", "access": "Allow", "protocol": "*",
		"source_address_prefixes": ["0.0.0.0/0"], "destination_port_ranges": ["*"],
	})
	count(check.deny) == 1 with data.facts as testing.facts([r])
	check.judged == {"azurerm_network_security_rule.ssh"} with data.facts as testing.facts([r])
}

test_fail_comma_separated_ports if {
	facts := testing.facts([nsg([rule("mgmt", 100, "Allow", "*", "443, 3388-3390,8080")])])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	f.details.ports == ["3389 (RDP)"]
}

udp(port) := object.union(rule("u", 100, "Allow", "*", port), {"protocol": "Udp"})

test_udp_rule_exposes_only_udp_services if {
	count(check.deny) == 0 with data.facts as testing.facts([nsg([udp("22")])])
	findings := check.deny with data.facts as testing.facts([nsg([udp("2000-5000")])])
	some f in findings
	f.details.ports == ["3389/udp (RDP)"]
}

test_pass_udp_admin_tcp_ports_and_icmp if {
	facts := testing.facts([nsg([
		udp("22"),
		object.union(rule("winrm-udp", 110, "Allow", "Internet", "5985-5986"), {"protocol": "UDP"}),
		object.union(rule("ping", 120, "Allow", "0.0.0.0/0", "*"), {"protocol": "Icmp"}),
	])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_network_security_group.web"} with data.facts as facts
}

test_fail_udp_all_ports_exposes_udp_services_only if {
	findings := check.deny with data.facts as testing.facts([nsg([udp("*")])])
	some f in findings
	f.details.ports == ["3389/udp (RDP)", "11211/udp (Memcached)"]
}

test_fail_any_protocol_covers_tcp_ssh if {
	r := object.union(rule("ssh-any", 100, "Allow", "Internet", "22"), {"protocol": "*"})
	findings := check.deny with data.facts as testing.facts([nsg([r])])
	some f in findings
	f.details.ports == ["22 (SSH)"]
}

test_pass_separate_rule_with_unknown_access_protocol_or_ports_not_judged if {
	# An internet-sourced rule whose access, protocol or ports are known only
	# after apply is not judged: nothing shows it closes the port.
	base := rule("rdp", 300, "Allow", "0.0.0.0/0", "3389")
	every attr in ["access", "protocol", "destination_port_range"] {
		r := object.union(testing.resource("azurerm_network_security_rule", "rdp", object.remove(base, [attr])), {"unknown": [attr]})
		count(check.deny) == 0 with data.facts as testing.facts([r])
		count(check.judged) == 0 with data.facts as testing.facts([r])
	}
}

test_pass_separate_deny_and_icmp_rules_judged if {
	deny := testing.resource("azurerm_network_security_rule", "deny", object.remove(rule("deny", 100, "Deny", "*", "22"), ["destination_port_range", "protocol"]))
	icmp := testing.resource("azurerm_network_security_rule", "icmp", object.union(rule("icmp", 110, "Allow", "*", ""), {"protocol": "Icmp"}))
	facts := testing.facts([deny, icmp])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_network_security_rule.deny", "azurerm_network_security_rule.icmp"} with data.facts as facts
}
