# METADATA
# title: Network ACLs do not admit the internet to administration ports
# description: |
#   No network ACL allows inbound traffic from the whole internet (any
#   spelling of 0.0.0.0/0 or ::/0) to a remote administration port (SSH 22,
#   RDP 3389, Telnet, VNC, WinRM), whether by a rule naming the port, a
#   port range taking it in, or a rule for every protocol (-1, all), which
#   admits every port whatever its range says (CIS AWS Foundations 3.0.0
#   5.1). Rules are read from the ingress blocks of aws_network_acl and
#   aws_default_network_acl and from separate aws_network_acl_rule
#   resources (egress left out is false: an ingress rule). A rule without
#   ports is taken to cover every port; a source only known after apply is
#   not judged. The administration ports are TCP services, so a rule opens
#   one when it admits TCP to it (tcp, 6 or every protocol). Rules are
#   evaluated in rule number order and the first match decides: an allowed
#   port is not open when a deny of the same ACL with a lower rule number,
#   from the whole internet of the same address family (0.0.0.0/0 for an
#   IPv4 allow, ::/0 for an IPv6 one), takes in TCP to it. A deny of a
#   narrower range, of UDP only, after the allow, or whose rule number (or
#   the allow's) is unknown, stops nothing. Separate rules belong to the ACL
#   their network_acl_id names.
# custom:
#   controls: ["8.20", "8.22"]
#   severity: high
#   coverage:
#     "8.20": partial
#     "8.22": supporting
#   inputs:
#     - resource:aws_network_acl
#     - resource:aws_default_network_acl
#     - resource:aws_network_acl_rule
#   remediation: |
#     Deny or leave out inbound rules from 0.0.0.0/0 and ::/0 to ports 22 and
#     3389; allow administration only from known ranges, or use Systems
#     Manager Session Manager instead of open administration ports.
package annexa.controls.c8_20.aws_network_acl

import data.annexa.lib.net
import data.annexa.lib.tf

acl_types := ["aws_network_acl", "aws_default_network_acl"]

deny contains finding if {
	some t in acl_types
	some acl in tf.resources(t)
	some rule in object.get(acl.attributes, "ingress", [])
	is_object(rule)
	entry := inline_entry(rule)
	some attr, cidr in open_sources(entry)
	ports := exposed(entry, acl.id, attr)
	count(ports) > 0
	finding := {
		"msg": sprintf("network ACL allows %s from %s", [concat(", ", ports), cidr]),
		"resource": acl.id,
		"details": {"source": cidr, "ports": ports, "rule_no": entry.no},
	}
}

deny contains finding if {
	some rule in tf.resources("aws_network_acl_rule")
	ingress(rule)
	entry := separate_entry(rule)
	some attr, cidr in open_sources(entry)
	ports := exposed(entry, group_of(rule), attr)
	count(ports) > 0
	finding := {
		"msg": sprintf("network ACL rule allows %s from %s", [concat(", ", ports), cidr]),
		"resource": rule.id,
		"details": {"source": cidr, "ports": ports, "rule_no": entry.no},
	}
}

ingress(rule) if object.get(rule.attributes, "egress", false) == false

# An entry is an inbound rule, inline or separate, in one shape.
inline_entry(rule) := {
	"no": object.get(rule, "rule_no", null),
	"action": object.get(rule, "action", ""),
	"protocol": object.get(rule, "protocol", "-1"),
	"protocol_known": object.get(rule, "protocol", null) != null,
	"from_port": object.get(rule, "from_port", null),
	"to_port": object.get(rule, "to_port", null),
	"cidr_block": object.get(rule, "cidr_block", null),
	"ipv6_cidr_block": object.get(rule, "ipv6_cidr_block", null),
}

separate_entry(rule) := {
	"no": object.get(rule.attributes, "rule_number", null),
	"action": object.get(rule.attributes, "rule_action", ""),
	"protocol": object.get(rule.attributes, "protocol", "-1"),
	"protocol_known": object.get(rule.attributes, "protocol", null) != null,
	"from_port": object.get(rule.attributes, "from_port", null),
	"to_port": object.get(rule.attributes, "to_port", null),
	"cidr_block": object.get(rule.attributes, "cidr_block", null),
	"ipv6_cidr_block": object.get(rule.attributes, "ipv6_cidr_block", null),
}

# open_sources are the internet-wide ranges an allow entry admits, by the
# attribute that holds them (cidr_block for IPv4, ipv6_cidr_block for IPv6).
open_sources(entry) := {attr: c |
	lower(entry.action) == "allow"
	some attr in ["cidr_block", "ipv6_cidr_block"]
	c := entry[attr]
	net.is_internet(c)
}

# exposed describes the administration ports an allow entry of ACL group
# opens to the internet range in attribute attr, or ["all ports"] for a
# rule of every protocol none of whose ports a deny shadows. The
# administration ports are TCP services, so a port is open when the entry
# admits TCP to it (tcp, 6 or every protocol) and no deny rule of the same
# ACL with a lower rule number, from the whole internet of the same address
# family, takes in TCP to that port first: rules are evaluated in rule
# number order and the first that matches decides.
exposed(entry, group, attr) := ["all ports"] if {
	net.is_all(entry.protocol)
	count(shadowed_ports(entry, group, attr)) == 0
} else := [sprintf("%d (%s)", [p, net.admin_ports[p]]) |
	some p in sort(object.keys(net.admin_ports))
	admits_tcp(entry.protocol, from_port(entry), to_port(entry), p)
	not p in shadowed_ports(entry, group, attr)
]

admits_tcp(protocol, _, _, _) if net.is_all(protocol)

admits_tcp(protocol, from, to, port) if {
	lower(net.format_int_or_string(protocol)) in {"tcp", "6"}
	from <= port
	port <= to
}

# shadowed_ports are the administration ports that a deny of group with a
# lower rule number than entry stops, for TCP from the whole internet range
# of attribute attr. Rule numbers must be known on both sides.
shadowed_ports(entry, group, attr) := {p |
	is_number(entry.no)
	denies := denies_by_group
	some d in object.get(denies, group, [])
	is_number(d.no)
	d.no < entry.no
	net.is_internet(d[attr])
	some p, _ in net.admin_ports
	deny_covers_tcp(d, p)
}

# deny_covers_tcp is true when deny entry d takes in TCP to port. Its
# protocol and, for TCP, both ports must be known: a deny whose reach is
# only known after apply shadows nothing.
deny_covers_tcp(d, _) if {
	d.protocol_known
	net.is_all(d.protocol)
}

deny_covers_tcp(d, port) if {
	d.protocol_known
	lower(net.format_int_or_string(d.protocol)) in {"tcp", "6"}
	is_number(d.from_port)
	is_number(d.to_port)
	net.covers("tcp", d.from_port, d.to_port, port)
}

# denies_by_group holds the inbound deny entries of every ACL, built once:
# an ACL's inline rules under its id, and the separate rules under the ACL
# they point at (group_of).
denies_by_group := {k: {v | some [k2, v] in denies_by_group_pairs; k2 == k} | some k in {x | some [x, _] in denies_by_group_pairs}}

denies_by_group_pairs contains [group, entry] if {
	some t in acl_types
	some acl in tf.resources(t)
	group := acl.id
	some rule in object.get(acl.attributes, "ingress", [])
	is_object(rule)
	entry := inline_entry(rule)
	lower(entry.action) == "deny"
}

denies_by_group_pairs contains [group, entry] if {
	some rule in tf.resources("aws_network_acl_rule")
	ingress(rule)
	entry := separate_entry(rule)
	lower(entry.action) == "deny"
	group := group_of(rule)
}

# group_of names the ACL a separate rule belongs to: the ACL resource its
# network_acl_id points at, else what it points at (a known ACL id or an
# address the input does not declare), else the rule alone.
group_of(rule) := acls[0] if {
	index := acls_by_key
	acls := sort([id |
		some p in tf.pointers(rule, "network_acl_id")
		some id in index[p]
	])
	count(acls) > 0
} else := concat(",", sort(tf.pointers(rule, "network_acl_id"))) if {
	count(tf.pointers(rule, "network_acl_id")) > 0
} else := rule.id

acls_by_key := {k: {v | some [k2, v] in acls_by_key_pairs; k2 == k} | some k in {x | some [x, _] in acls_by_key_pairs}}

acls_by_key_pairs contains [k, acl.id] if {
	some t in acl_types
	some acl in tf.resources(t)
	some k in tf.identities(acl)
}

# A rule without ports is taken to cover every port.
from_port(rule) := p if {
	p := rule.from_port
	is_number(p)
} else := 0

to_port(rule) := p if {
	p := rule.to_port
	is_number(p)
	p > 0
} else := 65535

# judged are the ACLs whose inbound rules are known (none at all counts)
# and the ingress rules with a known action and source.
judged contains acl.id if {
	some t in acl_types
	some acl in tf.resources(t)
	not tf.is_unknown(acl, "ingress")
}

judged contains rule.id if {
	some rule in tf.resources("aws_network_acl_rule")
	ingress(rule)
	is_string(object.get(rule.attributes, "rule_action", null))
	some attr in ["cidr_block", "ipv6_cidr_block"]
	is_string(object.get(rule.attributes, attr, null))
}
