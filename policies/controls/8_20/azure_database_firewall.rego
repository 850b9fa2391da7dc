# METADATA
# title: Azure database firewalls are not open to the whole internet
# description: |
#   No firewall rule of an Azure SQL, Synapse, PostgreSQL, MySQL or MariaDB
#   server admits the whole internet or a range as wide as a /8
#   (start_ip_address to end_ip_address spanning 16,777,216 addresses or
#   more; 0.0.0.0 to 255.255.255.255 is "open to all"). The special rule
#   0.0.0.0 to 0.0.0.0 ("Allow Azure services and resources to access this
#   server") admits the services of every Azure tenant, not only the
#   organisation's, and is reported too unless the parameter
#   azure_db_allow_azure_services is set to true. Rules whose addresses are
#   only known after apply are not judged. CIS Microsoft Azure Foundations
#   3.0.0 5.1.2 and 5.2.5.
# custom:
#   controls: ["8.20"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_firewall_rule
#     - resource:azurerm_sql_firewall_rule
#     - resource:azurerm_synapse_firewall_rule
#     - resource:azurerm_postgresql_flexible_server_firewall_rule
#     - resource:azurerm_postgresql_firewall_rule
#     - resource:azurerm_mysql_flexible_server_firewall_rule
#     - resource:azurerm_mysql_firewall_rule
#     - resource:azurerm_mariadb_firewall_rule
#   parameters: ["azure_db_allow_azure_services"]
#   remediation: |
#     Replace the rule with the addresses that need access (a /32 or a small
#     office range), or disable public network access and use private
#     endpoints; grant Azure-hosted clients access through a virtual network
#     rule or private endpoint instead of "allow Azure services".
package annexa.controls.c8_20.azure_database_firewall

import data.annexa.lib.params
import data.annexa.lib.tf

types := [
	"azurerm_mssql_firewall_rule",
	"azurerm_sql_firewall_rule",
	"azurerm_synapse_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mariadb_firewall_rule",
]

# wide is the number of addresses (a /8) from which a range is too wide.
wide := 16777216

deny contains finding if {
	some t in types
	some r in tf.resources(t)
	[from, to] := range(r)
	(to - from) + 1 >= wide
	finding := {
		"msg": sprintf("database firewall rule %s admits %s (%s to %s)", [tf.display_name(r), extent(from, to), r.attributes.start_ip_address, r.attributes.end_ip_address]),
		"resource": r.id,
		"details": {"start_ip_address": r.attributes.start_ip_address, "end_ip_address": r.attributes.end_ip_address},
	}
}

deny contains finding if {
	some t in types
	some r in tf.resources(t)
	range(r) == [0, 0]
	params.value("azure_db_allow_azure_services") != true
	finding := {
		"msg": sprintf("database firewall rule %s (0.0.0.0 to 0.0.0.0) lets every Azure service in, of any tenant", [tf.display_name(r)]),
		"resource": r.id,
		"severity": "medium",
		"details": {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"},
	}
}

extent(0, 4294967295) := "the whole internet"

extent(from, to) := sprintf("%d addresses", [to - (from - 1)]) if to - from < 4294967295

# range is [first, last] of the rule's addresses as numbers; undefined when
# either is unknown or not an IPv4 address.
range(r) := [ip(r.attributes.start_ip_address), ip(r.attributes.end_ip_address)]

ip(s) := n if {
	is_string(s)
	regex.match(`^\s*\d{1,3}(\.\d{1,3}){3}\s*$`, s)
	parts := [to_number(p) | some p in split(trim_space(s), ".")]
	every p in parts {
		p <= 255
	}
	n := (((((parts[0] * 256) + parts[1]) * 256) + parts[2]) * 256) + parts[3]
}

# judged are the firewall rules whose address range is known.
judged contains r.id if {
	some t in types
	some r in tf.resources(t)
	range(r)
}
