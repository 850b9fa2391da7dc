# METADATA
# title: Azure SQL servers audit database activity and keep the audit log 90 days
# description: |
#   Each azurerm_mssql_server has an azurerm_mssql_server_extended_auditing_policy
#   that points at it (server_id) and is enabled, so logins, queries and
#   permission changes on every database of the server are recorded. An
#   auditing policy that writes to a storage account keeps the records for
#   at least 90 days (retention_in_days; 0 keeps them forever).
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_server
#     - resource:azurerm_mssql_server_extended_auditing_policy
#   remediation: |
#     Add an azurerm_mssql_server_extended_auditing_policy with server_id =
#     azurerm_mssql_server.<name>.id, log_monitoring_enabled = true (with a
#     diagnostic setting on the master database) or a storage_endpoint, and
#     retention_in_days = 90 or more.
package annexa.controls.c8_15.azure_sql_auditing

import data.annexa.lib.tf

min_retention_days := 90

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	not audited_server(s)
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
