# METADATA
# title: No administrative or database port is open to the internet
# description: |
#   Security groups must not admit traffic from 0.0.0.0/0 or ::/0 to remote
#   administration ports (SSH, RDP, WinRM, VNC, Telnet) or database ports.
#   Inline ingress blocks of aws_security_group, aws_security_group_rule and
#   aws_vpc_security_group_ingress_rule are all judged. A rule for every
#   protocol (-1 or all) opens every port whatever its range says. A TCP or
#   UDP rule (tcp, udp, 6, 17) opens its range: 0-65535 and -1 to -1 (what
#   EC2 stores as every port) take in every administration port, while 0 to
#   0 is port 0 alone.
# custom:
#   controls: ["8.20", "8.22"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_security_group
#     - resource:aws_security_group_rule
#     - resource:aws_vpc_security_group_ingress_rule
#   remediation: |
#     Restrict the source to known ranges (a VPN or bastion CIDR, or another
#     security group), or reach the hosts through SSM Session Manager or a
#     private endpoint instead of opening the port.
package annexa.controls.c8_20.aws_security_group

import data.annexa.lib.net
import data.annexa.lib.tf

deny contains finding if {
	some sg in tf.resources("aws_security_group")
	some rule in object.get(sg.attributes, "ingress", [])

	# Terraform source gives only the arguments a rule sets; a plan gives all.
	some cidr in open_sources(object.get(rule, "cidr_blocks", []), object.get(rule, "ipv6_cidr_blocks", []))
	ports := net.exposed_ports(object.get(rule, "protocol", "-1"), object.get(rule, "from_port", 0), object.get(rule, "to_port", 65535))
	count(ports) > 0
	finding := {
		"msg": sprintf("security group %s admits %s from %s", [tf.display_name(sg), concat(", ", ports), cidr]),
		"resource": sg.id,
		"details": {"source": cidr, "ports": ports},
	}
}

deny contains finding if {
	some rule in tf.resources("aws_security_group_rule")
	object.get(rule.attributes, "type", "") == "ingress"
	some cidr in open_sources(object.get(rule.attributes, "cidr_blocks", []), object.get(rule.attributes, "ipv6_cidr_blocks", []))
	ports := net.exposed_ports(object.get(rule.attributes, "protocol", "-1"), object.get(rule.attributes, "from_port", 0), object.get(rule.attributes, "to_port", 65535))
	count(ports) > 0
	finding := {
		"msg": sprintf("security group rule admits %s from %s", [concat(", ", ports), cidr]),
		"resource": rule.id,
		"details": object.union({"source": cidr, "ports": ports}, group_of(rule, "security_group_id")),
	}
}

deny contains finding if {
	some rule in tf.resources("aws_vpc_security_group_ingress_rule")
	some cidr in open_sources(
		[c | c := object.get(rule.attributes, "cidr_ipv4", null); is_string(c)],
		[c | c := object.get(rule.attributes, "cidr_ipv6", null); is_string(c)],
	)
	ports := net.exposed_ports(
		object.get(rule.attributes, "ip_protocol", "-1"),
		object.get(rule.attributes, "from_port", 0),
		object.get(rule.attributes, "to_port", 65535),
	)
	count(ports) > 0
	finding := {
		"msg": sprintf("security group ingress rule admits %s from %s", [concat(", ", ports), cidr]),
		"resource": rule.id,
		"details": object.union({"source": cidr, "ports": ports}, group_of(rule, "security_group_id")),
	}
}

open_sources(ipv4, ipv6) := {c |
	some c in array.concat(tf.as_list(ipv4), tf.as_list(ipv6))
	net.is_open(c)
}

# group_of names the security group a separate rule belongs to, when the
# plan or the source lets us link it.
group_of(rule, attr) := {"security_group": groups[0]} if {
	# The whole index is bound first: looking a partial rule up by a key
	# evaluates its body again for every key.
	index := groups_by_key
	groups := sort([id |
		some p in tf.pointers(rule, attr)
		some id in index[p]
	])
	count(groups) > 0
} else := {}

# groups_by_key finds security groups by any of their identities, built once.
groups_by_key := {k: {v | some [k2, v] in groups_by_key_pairs; k2 == k} | some k in {x | some [x, _] in groups_by_key_pairs}}

groups_by_key_pairs contains [k, sg.id] if {
	some sg in tf.resources("aws_security_group")
	some k in tf.identities(sg)
}

# judged are the security groups with no ingress rules or with one whose
# sources are known, and the separate ingress rules whose sources are
# known: an egress rule, or a rule whose sources are only known after
# apply, is not judged.
judged contains sg.id if {
	some sg in tf.resources("aws_security_group")
	sg.attributes.ingress == []
}

judged contains sg.id if {
	some sg in tf.resources("aws_security_group")
	some rule in object.get(sg.attributes, "ingress", [])
	sources_known(rule, ["cidr_blocks", "ipv6_cidr_blocks", "security_groups", "prefix_list_ids"])
}

judged contains rule.id if {
	some rule in tf.resources("aws_security_group_rule")
	object.get(rule.attributes, "type", "") == "ingress"
	sources_known(rule.attributes, ["cidr_blocks", "ipv6_cidr_blocks", "source_security_group_id", "prefix_list_ids"])
}

judged contains rule.id if {
	some rule in tf.resources("aws_vpc_security_group_ingress_rule")
	sources_known(rule.attributes, ["cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "prefix_list_id"])
}

sources_known(attrs, _) if attrs.self == true

sources_known(attrs, fields) if {
	some field in fields
	v := attrs[field]
	known_source(v)
}

known_source(v) if {
	is_string(v)
	v != ""
}

known_source(v) if {
	is_array(v)
	count(v) > 0
}
