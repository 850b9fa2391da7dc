# METADATA
# title: No Azure NSG rule opens an admin or database port to the internet
# description: |
#   Azure network security groups must not allow inbound traffic from any
#   address to remote administration ports (SSH, RDP, WinRM, VNC, Telnet)
#   or database ports. A rule is judged when it is Allow and Inbound, its
#   source_address_prefix or one of its source_address_prefixes is "*",
#   "Any", "Internet" or any spelling of the whole IPv4 or IPv6 space
#   (0.0.0.0/0, ::/0, 0::/0, ...), its protocol is Tcp, Udp or "*",
#   and destination_port_range or destination_port_ranges ("22",
#   "1433-1434", "*") take in such a port. A Tcp or "*" rule (the
#   wildcard takes in TCP) is judged against every admin and database port.
#   A Udp rule is judged only against the services that listen on UDP: RDP
#   (UDP 3389, the RDP UDP transport Microsoft documents as MS-RDPEUDP,
#   which Windows opens beside TCP 3389) and Memcached (UDP 11211); SSH,
#   WinRM, Telnet, VNC and the other databases are TCP services, so a Udp
#   rule on their ports opens nothing that listens there and is not
#   reported. Icmp, Esp and Ah rules carry no ports and are not reported.
#   Inline security_rule blocks of azurerm_network_security_group and
#   separate azurerm_network_security_rule resources are both judged. Rule priority
#   is not evaluated: an allow rule shadowed by an earlier deny is still
#   reported, because it opens the port as soon as the deny goes. Either
#   argument of each pair (source_address_prefix/source_address_prefixes,
#   destination_port_range/destination_port_ranges) may be absent or null;
#   the other one alone decides. A rule whose access, direction, protocol,
#   sources or ports are only known after apply is not judged.
#   CIS Microsoft Azure Foundations 3.0.0 7.1 (RDP) and 7.2 (SSH).
# custom:
#   controls: ["8.20", "8.22"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_network_security_group
#     - resource:azurerm_network_security_rule
#   remediation: |
#     Restrict source_address_prefix(es) to known ranges (a VPN or bastion
#     subnet) or an application security group, or reach the hosts through
#     Azure Bastion or a private endpoint instead of opening the port.
package annexa.controls.c8_20.azure_nsg

import data.annexa.lib.azure
import data.annexa.lib.ports
import data.annexa.lib.tf
import data.annexa.lib.values

deny contains finding if {
	some nsg in tf.resources("azurerm_network_security_group")
	some rule in values.array_or_empty(object.get(nsg.attributes, "security_rule", []))
	e := exposure(rule)
	finding := {
		"msg": sprintf("network security group %s rule %s admits %s from %s", [tf.display_name(nsg), rule_name(rule), concat(", ", e.ports), concat(", ", e.sources)]),
		"resource": nsg.id,
		"details": object.union(e, {"rule": rule_name(rule)}),
	}
}

deny contains finding if {
	some rule in tf.resources("azurerm_network_security_rule")
	e := exposure(rule.attributes)
	finding := {
		"msg": sprintf("network security rule %s admits %s from %s", [tf.display_name(rule), concat(", ", e.ports), concat(", ", e.sources)]),
		"resource": rule.id,
		"details": object.union(e, group_of(rule)),
	}
}

# exposure describes what an Allow Inbound rule opens to the internet:
# {"sources", "ports"}; undefined when it opens no sensitive port to it.
exposure(rule) := {"sources": sources, "ports": exposed} if {
	lower(values.string_or_empty(object.get(rule, "access", ""))) == "allow"
	lower(values.string_or_empty(object.get(rule, "direction", ""))) == "inbound"
	protocol := lower(values.string_or_empty(object.get(rule, "protocol", "")))
	protocol in {"tcp", "udp", "*"}
	sources := sort([s |
		some s in one_or_many(rule, "source_address_prefix", "source_address_prefixes")
		azure.is_internet(s)
	])
	count(sources) > 0
	exposed := exposed_ports(protocol, ports.parse_all(port_strings(rule)))
	count(exposed) > 0
}

# port_strings are the rule's destination port strings; a string that lists
# several ports or ranges with commas ("22, 3389-3390") is split.
port_strings(rule) := [trim_space(p) |
	some s in one_or_many(rule, "destination_port_range", "destination_port_ranges")
	is_string(s)
	some p in split(s, ",")
]

# udp_ports are the sensitive ports whose service also listens on UDP (RDP's
# UDP transport, memcached); a Udp rule exposes only these.
udp_ports := {3389: "RDP", 11211: "Memcached"}

exposed_ports("udp", ranges) := [sprintf("%d/udp (%s)", [p, udp_ports[p]]) |
	some p in sort([q | some q, _ in udp_ports; ports.covered(ranges, q)])
]

exposed_ports(protocol, ranges) := ports.exposed(ranges) if protocol != "udp"

# one_or_many reads the pair of arguments a rule gives one value or a list
# of values in: either may be left out, and neither is then a match.
one_or_many(rule, one, many) := array.concat(
	[object.get(rule, one, null)],
	values.array_or_empty(object.get(rule, many, [])),
)

# rule_name names a rule in messages: its name, else its priority, else
# nothing more than "rule".
rule_name(rule) := rule.name if {
	is_string(rule.name)
	rule.name != ""
} else := sprintf("with priority %v", [rule.priority]) if {
	not is_null(object.get(rule, "priority", null))
} else := "(unnamed)"

# group_of names the security group a separate rule belongs to, when its
# network_security_group_name is known.
group_of(rule) := {"network_security_group": rule.attributes.network_security_group_name} if {
	is_string(rule.attributes.network_security_group_name)
} else := {}

# judged are the network security groups whose rules are known and the
# separate inbound rules whose sources, access, protocol and ports are
# known (access Deny, or a protocol without ports, needs no more).
judged contains nsg.id if {
	some nsg in tf.resources("azurerm_network_security_group")
	is_array(nsg.attributes.security_rule)
}

judged contains rule.id if {
	some rule in tf.resources("azurerm_network_security_rule")
	lower(values.string_or_empty(object.get(rule.attributes, "direction", ""))) == "inbound"
	sources_known(rule.attributes)
	rule_decided(rule.attributes)
}

rule_decided(attrs) if lower(values.string_or_empty(object.get(attrs, "access", ""))) == "deny"

rule_decided(attrs) if {
	lower(values.string_or_empty(object.get(attrs, "access", ""))) == "allow"
	not lower(values.string_or_empty(object.get(attrs, "protocol", ""))) in {"", "tcp", "udp", "*"}
}

rule_decided(attrs) if {
	lower(values.string_or_empty(object.get(attrs, "access", ""))) == "allow"
	lower(values.string_or_empty(object.get(attrs, "protocol", ""))) in {"tcp", "udp", "*"}
	ports_known(attrs)
}

ports_known(attrs) if values.string_or_empty(object.get(attrs, "destination_port_range", "")) != ""

ports_known(attrs) if count(values.array_or_empty(object.get(attrs, "destination_port_ranges", []))) > 0

sources_known(attrs) if values.string_or_empty(object.get(attrs, "source_address_prefix", "")) != ""

sources_known(attrs) if count(values.array_or_empty(object.get(attrs, "source_address_prefixes", []))) > 0

sources_known(attrs) if count(values.array_or_empty(object.get(attrs, "source_application_security_group_ids", []))) > 0
