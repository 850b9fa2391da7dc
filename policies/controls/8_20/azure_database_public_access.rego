# METADATA
# title: Azure database servers are not reachable from public networks
# description: |
#   Azure SQL servers, PostgreSQL and MySQL flexible servers, and the single
#   servers of azurerm v3 (PostgreSQL, MySQL, MariaDB) have public network
#   access disabled and are reached through private endpoints or VNet
#   integration. public_network_access_enabled defaults to true, so leaving
#   it out is a finding. A flexible server injected into a subnet
#   (delegated_subnet_id) has no public endpoint whatever the setting says;
#   a MySQL flexible server spells the setting public_network_access
#   ("Enabled"/"Disabled") in azurerm v4. Settings only known after apply
#   are not judged. CIS Microsoft Azure Foundations 3.0.0 5.1.7 (SQL); the
#   firewall rules of a public server are judged by c8_20.azure_database_firewall.
# custom:
#   controls: ["8.20"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_server
#     - resource:azurerm_postgresql_flexible_server
#     - resource:azurerm_mysql_flexible_server
#     - resource:azurerm_postgresql_server
#     - resource:azurerm_mysql_server
#     - resource:azurerm_mariadb_server
#   remediation: |
#     Set public_network_access_enabled = false (public_network_access =
#     "Disabled" on MySQL flexible servers) and connect through an
#     azurerm_private_endpoint, or deploy flexible servers into a delegated
#     subnet.
package annexa.controls.c8_20.azure_database_public_access

import data.annexa.lib.azure
import data.annexa.lib.tf
import data.annexa.lib.values

label := {
	"azurerm_mssql_server": "SQL server",
	"azurerm_postgresql_flexible_server": "PostgreSQL flexible server",
	"azurerm_mysql_flexible_server": "MySQL flexible server",
	"azurerm_postgresql_server": "PostgreSQL server",
	"azurerm_mysql_server": "MySQL server",
	"azurerm_mariadb_server": "MariaDB server",
}

flexible := {"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"}

deny contains finding if {
	some t, name in label
	some s in tf.resources(t)
	public(t, s) == true
	finding := {
		"msg": sprintf("%s %s accepts connections from public networks%s", [name, tf.display_name(s), note(s)]),
		"resource": s.id,
	}
}

note(s) := " (public_network_access_enabled is left out; the default is true)" if {
	every attr in ["public_network_access_enabled", "public_network_access"] {
		tf.omitted(s, attr)
	}
} else := ""

# public is whether server s of type t has a public endpoint: false for a
# flexible server in a delegated subnet, else its setting or the default.
public(t, s) := false if {
	t in flexible
	tf.configured(s, "delegated_subnet_id")
} else if {
	access(s) == "enabled"
} else := false if {
	access(s) == "disabled"
} else := v if {
	v := s.attributes.public_network_access_enabled
	is_boolean(v)
} else if {
	# A flexible server outside a subnet, with the setting left out, gets
	# Azure's choice (unknown in a plan): a public endpoint.
	t in flexible
	tf.omitted(s, "public_network_access_enabled")
	tf.omitted(s, "public_network_access")
} else := azure.setting(s, "public_network_access_enabled", true)

access(s) := lower(values.string_or_empty(object.get(s.attributes, "public_network_access", "")))

# judged are the servers whose public endpoint is known or left to the
# default.
judged contains s.id if {
	some t, _ in label
	some s in tf.resources(t)
	is_boolean(public(t, s))
}
