package annexa.controls.c8_20.gcp_firewall_test

import data.annexa.controls.c8_20.gcp_firewall as check
import data.annexa.lib.testing

firewall(name, sources, allow) := testing.resource("google_compute_firewall", name, {
	"name": name, "network": "vpc-prod", "direction": "INGRESS", "disabled": false, "priority": 1000,
	"source_ranges": sources, "source_tags": null, "source_service_accounts": null,
	"allow": allow, "deny": [],
})

test_pass_https_from_internet_ssh_from_iap if {
	facts := testing.facts([
		firewall("allow-https", ["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["443"]}]),
		firewall("allow-iap-ssh", ["35.235.240.0/20"], [{"protocol": "tcp", "ports": ["22"]}]),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_ssh_from_internet if {
	facts := testing.facts([firewall("allow-ssh", ["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["22", "80"]}])])
	check.deny == {{
		"msg": "firewall rule allow-ssh admits 22 (SSH) from 0.0.0.0/0",
		"resource": "google_compute_firewall.allow-ssh",
		"details": {"sources": ["0.0.0.0/0"], "ports": ["22 (SSH)"]},
	}} with data.facts as facts
}

test_fail_range_covers_databases if {
	facts := testing.facts([firewall("db", ["::/0"], [{"protocol": "tcp", "ports": ["5000-6000"]}])])
	some f in check.deny with data.facts as facts
	f.details.ports == ["5432 (PostgreSQL)", "5439 (Redshift)", "5900 (VNC)", "5985 (WinRM)", "5986 (WinRM over HTTPS)"]
}

test_fail_all_protocols if {
	facts := testing.facts([firewall("all", ["0.0.0.0/0"], [{"protocol": "all", "ports": []}])])
	some f in check.deny with data.facts as facts
	f.details.ports == ["all ports"]
}

test_fail_tcp_without_ports_opens_every_port if {
	facts := testing.facts([firewall("tcp", ["0.0.0.0/0"], [{"protocol": "tcp", "ports": null}])])
	some f in check.deny with data.facts as facts
	f.details.ports == ["all ports"]
}

test_fail_no_source_means_everywhere if {
	fw := object.union(
		testing.resource("google_compute_firewall", "rdp", {"name": "rdp", "allow": [{"protocol": "tcp", "ports": ["3389"]}], "source_tags": null}),
		{"unknown": ["source_ranges"]},
	)
	some f in check.deny with data.facts as testing.facts([fw])
	f.details.sources == ["0.0.0.0/0 (no source given)"]
}

test_pass_source_tags_only if {
	fw := testing.resource("google_compute_firewall", "db", {
		"name": "db", "source_tags": ["app"], "source_ranges": null,
		"allow": [{"protocol": "tcp", "ports": ["5432"]}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([fw])
}

test_pass_referenced_source_ranges_not_judged if {
	fw := testing.with_refs(
		object.union(testing.resource("google_compute_firewall", "db", {"name": "db", "allow": [{"protocol": "tcp", "ports": ["5432"]}]}), {"unknown": ["source_ranges"]}),
		{"source_ranges": ["google_compute_subnetwork.app"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([fw])
}

test_pass_disabled_egress_and_icmp_ignored if {
	facts := testing.facts([
		object.union(firewall("off", ["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["22"]}]), {"attributes": {"disabled": true}}),
		object.union(firewall("egress", ["0.0.0.0/0"], [{"protocol": "all"}]), {"attributes": {"direction": "EGRESS"}}),
		firewall("icmp", ["0.0.0.0/0"], [{"protocol": "icmp"}]),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_network_firewall_policy_rule if {
	r := testing.resource("google_compute_network_firewall_policy_rule", "ssh", {
		"action": "allow", "direction": "INGRESS", "priority": 100, "disabled": false,
		"match": [{"src_ip_ranges": ["0.0.0.0/0"], "layer4_configs": [{"ip_protocol": "tcp", "ports": ["22"]}]}],
	})
	check.deny == {{
		"msg": "firewall policy rule google_compute_network_firewall_policy_rule.ssh (priority 100) admits 22 (SSH) from 0.0.0.0/0",
		"resource": "google_compute_network_firewall_policy_rule.ssh",
		"details": {"sources": ["0.0.0.0/0"], "ports": ["22 (SSH)"]},
	}} with data.facts as testing.facts([r])
}

test_pass_firewall_policy_rule_deny if {
	r := testing.resource("google_compute_firewall_policy_rule", "block", {
		"action": "deny", "direction": "INGRESS", "priority": 100,
		"match": [{"src_ip_ranges": ["0.0.0.0/0"], "layer4_configs": [{"ip_protocol": "all"}]}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_pass_judges_enabled_ingress_rules if {
	fw := firewall("allow-https", ["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["443"]}])
	off := object.union(firewall("off", ["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["22"]}]), {"attributes": {"disabled": true}})
	check.judged == {"google_compute_firewall.allow-https"} with data.facts as testing.facts([fw, off])
}

test_pass_referenced_source_ranges_judge_nothing if {
	fw := testing.with_refs(
		object.union(testing.resource("google_compute_firewall", "db", {"name": "db", "allow": [{"protocol": "tcp", "ports": ["5432"]}]}), {"unknown": ["source_ranges"]}),
		{"source_ranges": ["google_compute_subnetwork.app"]},
	)
	count(check.judged) == 0 with data.facts as testing.facts([fw])
}

test_fail_other_spelling_of_the_internet if {
	facts := testing.facts([firewall("v6", ["0::/0"], [{"protocol": "tcp", "ports": ["3389"]}])])
	some f in check.deny with data.facts as facts
	f.details.sources == ["0::/0"]
	f.details.ports == ["3389 (RDP)"]
}

test_fail_ports_absent_opens_every_port if {
	fw := testing.resource("google_compute_firewall", "udp", {
		"name": "udp", "source_ranges": ["0.0.0.0/0"],
		"allow": [{"protocol": "udp"}],
	})
	some f in check.deny with data.facts as testing.facts([fw])
	f.details.ports == ["all ports"]
}

test_fail_direction_unknown_is_ingress if {
	fw := object.union(
		testing.resource("google_compute_firewall", "ssh", {
			"name": "ssh", "source_ranges": ["0.0.0.0/0"],
			"allow": [{"protocol": "tcp", "ports": ["22"]}],
		}),
		{"unknown": ["direction"]},
	)
	count(check.deny) == 1 with data.facts as testing.facts([fw])
	check.judged == {"google_compute_firewall.ssh"} with data.facts as testing.facts([fw])
}

test_pass_disabled_and_egress_not_judged if {
	facts := testing.facts([
		testing.resource("google_compute_firewall", "off", {
			"name": "off", "disabled": true, "source_ranges": ["0.0.0.0/0"],
			"allow": [{"protocol": "all"}],
		}),
		testing.resource("google_compute_firewall", "out", {
			"name": "out", "direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"],
			"allow": [{"protocol": "all"}],
		}),
	])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}

test_fail_policy_rule_all_protocols_without_ports if {
	r := testing.resource("google_compute_firewall_policy_rule", "any", {
		"action": "allow", "direction": "INGRESS", "priority": 100,
		"match": [{"src_ip_ranges": ["::/0"], "layer4_configs": [{"ip_protocol": "all"}]}],
	})
	some f in check.deny with data.facts as testing.facts([r])
	f.details.ports == ["all ports"]
}

test_pass_source_ranges_left_out_tags_judged if {
	fw := object.union(
		testing.resource("google_compute_firewall", "db", {"name": "db", "source_tags": ["app"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]}),
		{"unknown": ["source_ranges"], "configured": ["name", "source_tags", "allow"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([fw])
	check.judged == {"google_compute_firewall.db"} with data.facts as testing.facts([fw])
}

test_fail_source_ranges_left_out_judged if {
	fw := object.union(
		testing.resource("google_compute_firewall", "rdp", {"name": "rdp", "allow": [{"protocol": "tcp", "ports": ["3389"]}]}),
		{"unknown": ["source_ranges"], "configured": ["name", "allow"]},
	)
	count(check.deny) == 1 with data.facts as testing.facts([fw])
	check.judged == {"google_compute_firewall.rdp"} with data.facts as testing.facts([fw])
}

test_pass_written_unknown_source_ranges_not_judged if {
	fw := object.union(
		testing.resource("google_compute_firewall", "x", {"name": "x", "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		{"unknown": ["source_ranges"], "configured": ["name", "allow", "source_ranges"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([fw])
	count(check.judged) == 0 with data.facts as testing.facts([fw])
}
