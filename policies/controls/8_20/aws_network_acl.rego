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
#   not judged.
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
	some cidr in open_sources(rule, "action")
	ports := exposed(rule)
	count(ports) > 0
	finding := {
		"msg": sprintf("network ACL allows %s from %s", [concat(", ", ports), cidr]),
		"resource": acl.id,
		"details": {"source": cidr, "ports": ports, "rule_no": object.get(rule, "rule_no", null)},
	}
}

deny contains finding if {
	some rule in tf.resources("aws_network_acl_rule")
	ingress(rule)
	some cidr in open_sources(rule.attributes, "rule_action")
	ports := exposed(rule.attributes)
	count(ports) > 0
	finding := {
		"msg": sprintf("network ACL rule allows %s from %s", [concat(", ", ports), cidr]),
		"resource": rule.id,
		"details": {"source": cidr, "ports": ports, "rule_no": object.get(rule.attributes, "rule_number", null)},
	}
}

ingress(rule) if object.get(rule.attributes, "egress", false) == false

# open_sources are the internet-wide ranges an allow rule admits.
open_sources(rule, action_attr) := {c |
	lower(object.get(rule, action_attr, "")) == "allow"
	some attr in ["cidr_block", "ipv6_cidr_block"]
	c := object.get(rule, attr, null)
	net.is_internet(c)
}

# exposed describes the administration ports a rule admits, or
# ["all ports"] for a rule of every protocol.
exposed(rule) := ["all ports"] if {
	net.is_all(object.get(rule, "protocol", "-1"))
} else := [sprintf("%d (%s)", [p, net.admin_ports[p]]) |
	some p in sort(object.keys(net.admin_ports))
	net.covers(object.get(rule, "protocol", "-1"), from_port(rule), to_port(rule), p)
]

from_port(rule) := p if {
	p := object.get(rule, "from_port", null)
	is_number(p)
} else := 0

to_port(rule) := p if {
	p := object.get(rule, "to_port", null)
	is_number(p)
	p > 0
} else := 65535

# judged are the ACLs whose inbound rules are known (none at all counts)
# and the ingress rules with a known source.
judged contains acl.id if {
	some t in acl_types
	some acl in tf.resources(t)
	not tf.is_unknown(acl, "ingress")
}

judged contains rule.id if {
	some rule in tf.resources("aws_network_acl_rule")
	ingress(rule)
	some attr in ["cidr_block", "ipv6_cidr_block"]
	is_string(object.get(rule.attributes, attr, null))
}
