# METADATA
# title: No GCP firewall rule opens an admin or database port to the internet
# description: |
#   Google Cloud VPC firewall rules must not allow ingress from the internet
#   (any spelling of 0.0.0.0/0 or ::/0, such as 0::/0) to remote administration ports (SSH, RDP, WinRM, VNC, Telnet) or
#   database ports. A google_compute_firewall rule is judged when its
#   direction is INGRESS (the default) and it is not disabled; its source is
#   open when source_ranges holds such a range, or when it names no
#   source_ranges, source_tags or source_service_accounts at all (Google
#   Cloud then applies it to 0.0.0.0/0). Its allow blocks open the ports
#   they list ("22", "8000-8100"), every port when ports is empty, and every
#   port of every protocol for protocol "all" (an allow block without a
#   protocol is read as "all"). Rules of network and
#   hierarchical firewall policies (google_compute_firewall_policy_rule,
#   google_compute_network_firewall_policy_rule and
#   google_compute_region_network_firewall_policy_rule) are judged the
#   same way on action "allow", match.src_ip_ranges and
#   match.layer4_configs (a layer-4 config without ports opens every port
#   of its protocol). A rule whose direction is unknown until apply is read
#   as INGRESS, the provider's default. Priorities, and deny rules that
#   might shadow an allow rule, are not evaluated.
# custom:
#   controls: ["8.20", "8.22"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:google_compute_firewall
#     - resource:google_compute_firewall_policy_rule
#     - resource:google_compute_network_firewall_policy_rule
#     - resource:google_compute_region_network_firewall_policy_rule
#   remediation: |
#     Set source_ranges to known ranges (a VPN range, or 35.235.240.0/20 for
#     Identity-Aware Proxy TCP forwarding) or use source_tags or
#     source_service_accounts; reach VMs through IAP or a bastion rather
#     than opening the port to the internet.
package annexa.controls.c8_20.gcp_firewall

import data.annexa.lib.net
import data.annexa.lib.ports
import data.annexa.lib.tf
import data.annexa.lib.values

# policy_rule_types are the firewall policy rule resources, which share one
# shape.
policy_rule_types := [
	"google_compute_firewall_policy_rule",
	"google_compute_network_firewall_policy_rule",
	"google_compute_region_network_firewall_policy_rule",
]

deny contains finding if {
	some fw in tf.resources("google_compute_firewall")
	ingress(fw)
	not disabled(fw.attributes)
	sources := open_sources(fw)
	count(sources) > 0
	exposed := exposure([[object.get(b, "protocol", "all"), values.array_or_empty(object.get(b, "ports", []))] |
		some b in values.array_or_empty(object.get(fw.attributes, "allow", []))
	])
	count(exposed) > 0
	finding := {
		"msg": sprintf("firewall rule %s admits %s from %s", [tf.display_name(fw), concat(", ", exposed), concat(", ", sources)]),
		"resource": fw.id,
		"details": {"sources": sources, "ports": exposed},
	}
}

deny contains finding if {
	some t in policy_rule_types
	some r in tf.resources(t)
	lower(values.string_or_empty(object.get(r.attributes, "action", ""))) == "allow"
	ingress(r)
	not disabled(r.attributes)
	some m in values.array_or_empty(object.get(r.attributes, "match", []))
	sources := sort([c | some c in values.array_or_empty(object.get(m, "src_ip_ranges", [])); net.is_internet(c)])
	count(sources) > 0
	exposed := exposure([[object.get(l, "ip_protocol", "all"), values.array_or_empty(object.get(l, "ports", []))] |
		some l in values.array_or_empty(object.get(m, "layer4_configs", []))
	])
	count(exposed) > 0
	finding := {
		"msg": sprintf("firewall policy rule %s admits %s from %s", [rule_name(r), concat(", ", exposed), concat(", ", sources)]),
		"resource": r.id,
		"details": {"sources": sources, "ports": exposed},
	}
}

# exposure describes the sensitive ports that a list of [protocol, ports]
# pairs opens: every port for protocol "all", or for TCP/UDP without ports.
exposure(pairs) := ["all ports"] if {
	some [protocol, port_list] in pairs
	all_ports(protocol, port_list)
} else := ports.exposed([r |
	some [protocol, port_list] in pairs
	lower(format(protocol)) in {"tcp", "udp", "6", "17"}
	some r in ports.parse_all(port_list)
])

all_ports(protocol, _) if lower(format(protocol)) == "all"

all_ports(protocol, port_list) if {
	lower(format(protocol)) in {"tcp", "udp", "6", "17"}
	count(port_list) == 0
}

# open_sources lists the source ranges that admit any address; a rule with
# no source at all is applied to 0.0.0.0/0 by Google Cloud.
open_sources(fw) := ["0.0.0.0/0 (no source given)"] if {
	not source_given(fw, "source_ranges")
	not source_given(fw, "source_tags")
	not source_given(fw, "source_service_accounts")
} else := sort([c | some c in values.array_or_empty(object.get(fw.attributes, "source_ranges", [])); net.is_internet(c)])

# source_given is true when a source attribute of a rule is set, or refers
# to something that sets it after apply, or is written but unknown. An
# unknown source_ranges that was left out is the provider's computed
# default, not a source.
source_given(fw, attr) if tf.has_value(fw, attr)

source_given(fw, attr) if tf.referenced(fw, attr)

source_given(fw, attr) if {
	attr != "source_ranges"
	tf.is_unknown(fw, attr)
}

source_given(fw, "source_ranges") if {
	tf.is_unknown(fw, "source_ranges")
	tf.written(fw, "source_ranges")
}

disabled(attrs) if object.get(attrs, "disabled", false) == true

# ingress is true for a rule whose direction is INGRESS: written so, or
# left to the provider's default (INGRESS; unknown in a plan).
ingress(r) if upper(values.string_or_empty(object.get(r.attributes, "direction", "INGRESS"))) in {"INGRESS", ""}

format(x) := x if is_string(x)

else := sprintf("%v", [x])

rule_name(r) := sprintf("%s (priority %v)", [r.id, r.attributes.priority]) if {
	is_number(r.attributes.priority)
} else := r.id

# judged are the enabled ingress firewall rules whose sources and allowed
# protocols are known, and the enabled ingress firewall policy rules whose
# action and source ranges are known.
judged contains fw.id if {
	some fw in tf.resources("google_compute_firewall")
	ingress(fw)
	not disabled(fw.attributes)
	is_array(fw.attributes.allow)
	sources_decided(fw)
}

judged contains r.id if {
	some t in policy_rule_types
	some r in tf.resources(t)
	is_string(r.attributes.action)
	ingress(r)
	not disabled(r.attributes)
	some m in values.array_or_empty(object.get(r.attributes, "match", []))
	is_array(m.src_ip_ranges)
}

# sources_decided is true when the source ranges are known, or when none
# are given and none will be (then the tags and service accounts decide,
# or GCP's default of any source).
sources_decided(fw) if tf.has_value(fw, "source_ranges")

sources_decided(fw) if {
	not tf.referenced(fw, "source_ranges")
	not tf.is_unknown(fw, "source_ranges")
}

sources_decided(fw) if {
	not tf.referenced(fw, "source_ranges")
	tf.is_unknown(fw, "source_ranges")
	not tf.written(fw, "source_ranges")
}
