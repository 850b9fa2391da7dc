# METADATA
# title: Azure SQL servers audit database activity and keep the audit log 90 days
# description: |
#   Each azurerm_mssql_server has an azurerm_mssql_server_extended_auditing_policy
#   that points at it (server_id) and is enabled, so logins, queries and
#   permission changes on every database of the server are recorded. An
#   auditing policy that writes to a storage account keeps the records for
#   at least azure_sql_audit_retention_days days, 90 by default
#   (retention_in_days; 0 keeps them forever). The inline
#   extended_auditing_policy block of azurerm v3 counts as an auditing
#   policy too. CIS Microsoft Azure Foundations 3.0.0 5.1.1 and 5.1.6.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_server
#     - resource:azurerm_mssql_server_extended_auditing_policy
#   parameters: ["azure_sql_audit_retention_days"]
#   remediation: |
#     Add an azurerm_mssql_server_extended_auditing_policy with server_id =
#     azurerm_mssql_server.<name>.id, log_monitoring_enabled = true (with a
#     diagnostic setting on the master database) or a storage_endpoint, and
#     retention_in_days = 90 or more.
package annexa.controls.c8_15.azure_sql_auditing

import data.annexa.lib.params
import data.annexa.lib.tf
import data.annexa.lib.values

min_retention_days := params.value("azure_sql_audit_retention_days")

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	not audited_server(s)
	not inline_audit(s)
	finding := {"msg": "SQL server has no enabled auditing policy", "resource": s.id}
}

deny contains finding if {
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	tf.explicitly_false(a, "enabled")
	finding := {"msg": "SQL server auditing policy switches auditing off", "resource": a.id}
}

deny contains finding if {
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	writes_to_storage(a)
	days := a.attributes.retention_in_days
	is_number(days)
	days > 0
	days < min_retention_days
	finding := {
		"msg": sprintf("SQL server auditing policy keeps audit records for %d day(s), fewer than %d", [days, min_retention_days]),
		"resource": a.id,
	}
}

# audited is what the enabled auditing policies point at, collected once.
audited := {p |
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	not tf.explicitly_false(a, "enabled")
	some p in tf.pointers(a, "server_id")
}

# inline_audit: the v3 extended_auditing_policy block of the server itself
# (its enabled argument, where present, not false).
inline_audit(s) if {
	some b in values.array_or_empty(object.get(s.attributes, "extended_auditing_policy", []))
	object.get(b, "enabled", true) != false
}

audited_server(s) if {
	some k in tf.identities(s)
	k in audited
}

writes_to_storage(a) if {
	is_string(a.attributes.storage_endpoint)
	a.attributes.storage_endpoint != ""
}

writes_to_storage(a) if tf.is_unknown(a, "storage_endpoint")

# judged are the SQL servers (each needs an auditing policy) and the
# auditing policies whose switch, or storage retention, is known.
judged := tf.ids(["azurerm_mssql_server"]) | {a.id |
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	decided(a)
}

decided(a) if is_boolean(a.attributes.enabled)

decided(a) if {
	writes_to_storage(a)
	is_number(a.attributes.retention_in_days)
}
