# METADATA
# title: Azure SQL servers audit database activity and keep the audit log 90 days
# description: |
#   Each azurerm_mssql_server (and legacy azurerm_sql_server) is audited, so
#   logins, queries and permission changes on its databases are recorded: an
#   enabled azurerm_mssql_server_extended_auditing_policy points at it
#   (server_id), or the server carries the inline extended_auditing_policy
#   block of older azurerm versions (its enabled argument, where present,
#   not false), or every azurerm_mssql_database of the server in the input
#   (at least one) is audited on its own, by an enabled
#   azurerm_mssql_database_extended_auditing_policy (database_id) or the
#   database's inline extended_auditing_policy block. Database auditing
#   covers only that database, so a server with one unaudited database is a
#   finding. A server, database or inline auditing policy switched off
#   (enabled = false) is a finding. An auditing policy that writes to a
#   storage account keeps the records for at least
#   azure_sql_audit_retention_days days, 90 by default (retention_in_days; 0
#   keeps them forever). CIS Microsoft Azure Foundations 3.0.0 5.1.1 and
#   5.1.6.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_server
#     - resource:azurerm_sql_server
#     - resource:azurerm_mssql_server_extended_auditing_policy
#     - resource:azurerm_mssql_database
#     - resource:azurerm_mssql_database_extended_auditing_policy
#   parameters: ["azure_sql_audit_retention_days"]
#   remediation: |
#     Add an azurerm_mssql_server_extended_auditing_policy with server_id =
#     azurerm_mssql_server.<name>.id, log_monitoring_enabled = true (with a
#     diagnostic setting on the master database) or a storage_endpoint, and
#     retention_in_days = 90 or more. Server auditing covers every database;
#     auditing databases one by one leaves out any database added later.
package annexa.controls.c8_15.azure_sql_auditing

import data.annexa.lib.params
import data.annexa.lib.tf
import data.annexa.lib.values

min_retention_days := params.value("azure_sql_audit_retention_days")

# server_types are the SQL server resources: azurerm_mssql_server and the
# legacy azurerm_sql_server of azurerm 3.x and earlier, which takes the same
# auditing policies and inline block.
server_types := ["azurerm_mssql_server", "azurerm_sql_server"]

# inline_types are the resources that may carry an inline
# extended_auditing_policy block.
inline_types := array.concat(server_types, ["azurerm_mssql_database"])

# policy_types are the standalone auditing policy resources, of a server
# and of a database; they share enabled, storage_endpoint and
# retention_in_days.
policy_types := ["azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_database_extended_auditing_policy"]

policy_name := {
	"azurerm_mssql_server_extended_auditing_policy": "SQL server auditing policy",
	"azurerm_mssql_database_extended_auditing_policy": "SQL database auditing policy",
}

deny contains finding if {
	some st in server_types
	some s in tf.resources(st)
	not audited_server(s)
	not inline_audit(s)
	not audited_by_databases(s)
	finding := {"msg": "SQL server has no enabled auditing policy", "resource": s.id}
}

deny contains finding if {
	some t in policy_types
	some a in tf.resources(t)
	tf.explicitly_false(a, "enabled")
	finding := {"msg": sprintf("%s switches auditing off", [policy_name[t]]), "resource": a.id}
}

deny contains finding if {
	some t in policy_types
	some a in tf.resources(t)
	writes_to_storage(a.attributes, a, "storage_endpoint")
	finding := short_retention(a.attributes.retention_in_days, a.id, policy_name[t])
}

deny contains finding if {
	some t in inline_types
	some r in tf.resources(t)
	some i, b in values.array_or_empty(object.get(r.attributes, "extended_auditing_policy", []))
	writes_to_storage(b, r, sprintf("extended_auditing_policy.%d.storage_endpoint", [i]))
	finding := short_retention(object.get(b, "retention_in_days", null), r.id, "inline extended_auditing_policy")
}

deny contains finding if {
	some t in inline_types
	some r in tf.resources(t)
	some b in values.array_or_empty(object.get(r.attributes, "extended_auditing_policy", []))
	b.enabled == false
	finding := {"msg": "inline extended_auditing_policy switches auditing off", "resource": r.id}
}

short_retention(days, id, what) := {
	"msg": sprintf("%s keeps audit records for %d day(s), fewer than %d", [what, days, min_retention_days]),
	"resource": id,
} if {
	is_number(days)
	days > 0
	days < min_retention_days
}

# audited is what the enabled server auditing policies point at, collected
# once.
audited := {p |
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	not tf.explicitly_false(a, "enabled")
	some p in tf.pointers(a, "server_id")
}

# audited_dbs is what the enabled database auditing policies point at.
audited_dbs := {p |
	some a in tf.resources("azurerm_mssql_database_extended_auditing_policy")
	not tf.explicitly_false(a, "enabled")
	some p in tf.pointers(a, "database_id")
}

# inline_audit: the extended_auditing_policy block of a server or database
# itself (older azurerm versions; its enabled argument, where present, not
# false).
inline_audit(r) if {
	some b in values.array_or_empty(object.get(r.attributes, "extended_auditing_policy", []))
	object.get(b, "enabled", true) != false
}

database_audited(d) if {
	some k in tf.identities(d)
	k in audited_dbs
}

database_audited(d) if inline_audit(d)

# servers_with_databases and servers_with_unaudited_databases are what the
# server_id of the databases point at, collected once.
servers_with_databases := {p |
	some d in tf.resources("azurerm_mssql_database")
	some p in tf.pointers(d, "server_id")
}

servers_with_unaudited_databases := {p |
	some d in tf.resources("azurerm_mssql_database")
	not database_audited(d)
	some p in tf.pointers(d, "server_id")
}

# audited_by_databases: the server has databases in the input and every one
# of them is audited on its own.
audited_by_databases(s) if {
	some k in tf.identities(s)
	k in servers_with_databases
	every k2 in tf.identities(s) {
		not k2 in servers_with_unaudited_databases
	}
}

audited_server(s) if {
	some k in tf.identities(s)
	k in audited
}

writes_to_storage(attrs, _, _) if {
	is_string(attrs.storage_endpoint)
	attrs.storage_endpoint != ""
}

writes_to_storage(_, r, path) if tf.is_unknown(r, path)

# judged are the SQL servers (each needs auditing), the auditing policies
# whose switch, or storage retention, is known, and the databases with an
# inline auditing block.
judged := (tf.ids(server_types) | {a.id |
	some t in policy_types
	some a in tf.resources(t)
	decided(a)
}) | {d.id |
	some d in tf.resources("azurerm_mssql_database")
	count(values.array_or_empty(object.get(d.attributes, "extended_auditing_policy", []))) > 0
}

decided(a) if is_boolean(a.attributes.enabled)

decided(a) if {
	writes_to_storage(a.attributes, a, "storage_endpoint")
	is_number(a.attributes.retention_in_days)
}
