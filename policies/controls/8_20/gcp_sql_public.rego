# METADATA
# title: Cloud SQL instances are not reachable from the whole internet
# description: |
#   A Cloud SQL instance does not list the internet (any spelling of
#   0.0.0.0/0 or ::/0) among the authorized_networks of its
#   settings.ip_configuration (CIS GCP 3.0.0 6.5), and it is not given a
#   public IPv4 address without a private network to be reached on
#   instead (CIS GCP 3.0.0 6.6): ipv4_enabled is true, or left out (the
#   provider's default is true), while private_network is not set. An
#   instance whose settings leave the whole ip_configuration block out gets
#   Cloud SQL's defaults, a public IP and no private network, and is a
#   finding too. A public IP next to a private network is not reported
#   here. ipv4_enabled or private_network known only after apply, and
#   settings unknown until apply, are not judged.
# custom:
#   controls: ["8.20"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:google_sql_database_instance"]
#   remediation: |
#     Remove 0.0.0.0/0 from authorized_networks and list only known client
#     ranges; better, set ip_configuration { ipv4_enabled = false,
#     private_network = <VPC self link> } and connect over private IP or
#     Private Service Connect, through the Cloud SQL Auth Proxy.
package annexa.controls.c8_20.gcp_sql_public

import data.annexa.lib.net
import data.annexa.lib.tf
import data.annexa.lib.values

deny contains finding if {
	some db in tf.resources("google_sql_database_instance")
	open := open_networks(db)
	count(open) > 0
	finding := {
		"msg": sprintf("Cloud SQL instance %s authorizes connections from the whole internet (%s)", [tf.display_name(db), concat(", ", open)]),
		"resource": db.id,
		"details": {"authorized_networks": open},
	}
}

deny contains finding if {
	some db in tf.resources("google_sql_database_instance")
	count(open_networks(db)) == 0
	public_only(db)
	finding := {
		"msg": sprintf("Cloud SQL instance %s has a public IP address and no private network (%s)", [tf.display_name(db), why_public(db)]),
		"resource": db.id,
		"severity": "medium",
	}
}

# ip_configurations are the instance's ip_configuration blocks with their
# unknown paths; a block written as one object counts as a list of one.
ip_configurations(db) := [[sprintf("settings.%d.ip_configuration.%d", [n, m]), ip] |
	some n, s in tf.as_list(object.get(db.attributes, "settings", []))
	some m, ip in tf.as_list(object.get(s, "ip_configuration", []))
]

open_networks(db) := sort([v |
	some [_, ip] in ip_configurations(db)
	some an in values.array_or_empty(object.get(ip, "authorized_networks", []))
	v := object.get(an, "value", "")
	net.is_internet(v)
])

# public_only is true when the instance gets a public IPv4 address and no
# private network: the block is written with ipv4_enabled true or left
# out, or the whole block is left out.
public_only(db) if {
	some [path, ip] in ip_configurations(db)
	ipv4(db, path, ip) == true
	not private(db, path, ip)
}

public_only(db) if block_left_out(db)

# ipv4 is ipv4_enabled as planned: written, or the default true when left
# out; undefined when known only after apply.
ipv4(_, _, ip) := ip.ipv4_enabled if is_boolean(ip.ipv4_enabled)

ipv4(db, path, ip) if {
	not is_boolean(object.get(ip, "ipv4_enabled", null))
	not tf.is_unknown(db, sprintf("%s.ipv4_enabled", [path]))
	not tf.referenced(db, "settings.ip_configuration.ipv4_enabled")
}

private(_, _, ip) if {
	is_string(ip.private_network)
	ip.private_network != ""
}

private(db, path, _) if tf.is_unknown(db, sprintf("%s.private_network", [path]))

private(db, _, _) if tf.referenced(db, "settings.ip_configuration.private_network")

# block_left_out is true when settings are written without an
# ip_configuration block: the provider computes it (unknown in a plan).
block_left_out(db) if {
	some n, s in tf.as_list(object.get(db.attributes, "settings", []))
	not is_array(object.get(s, "ip_configuration", null))
	not is_object(object.get(s, "ip_configuration", null))
	tf.is_unknown(db, sprintf("settings.%d.ip_configuration", [n]))
	tf.written(db, "settings")
	not tf.referenced(db, "settings.ip_configuration")
}

why_public(db) := "ip_configuration is left out" if {
	block_left_out(db)
} else := "ipv4_enabled is left out, and defaults to true" if {
	some [_, ip] in ip_configurations(db)
	not is_boolean(object.get(ip, "ipv4_enabled", null))
} else := "ipv4_enabled = true"

# judged are the instances with an open authorized network, and those whose
# public IP and private network are decided.
judged contains db.id if {
	some db in tf.resources("google_sql_database_instance")
	count(open_networks(db)) > 0
}

judged contains db.id if {
	some db in tf.resources("google_sql_database_instance")
	some [path, ip] in ip_configurations(db)
	is_boolean(ipv4(db, path, ip))
}

judged contains db.id if {
	some db in tf.resources("google_sql_database_instance")
	block_left_out(db)
}
