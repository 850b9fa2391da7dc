# METADATA
# title: Azure SQL databases keep transparent data encryption on
# description: |
#   Azure SQL databases encrypt their data, logs and backups at rest with
#   transparent data encryption (TDE), on by default; it must not be turned
#   off (transparent_data_encryption_enabled = false on azurerm_mssql_database).
#   Synapse dedicated SQL pools have TDE off by default and must set
#   data_encrypted = true: an azurerm_synapse_sql_pool that leaves
#   data_encrypted out is unencrypted, a finding (a value known only after
#   apply is not judged).
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_database
#     - resource:azurerm_synapse_sql_pool
#   remediation: |
#     Remove transparent_data_encryption_enabled = false from the database
#     (or set it to true); set data_encrypted = true on Synapse SQL pools.
package annexa.controls.c8_24.azure_sql_tde

import data.annexa.lib.azure
import data.annexa.lib.tf

deny contains finding if {
	some db in tf.resources("azurerm_mssql_database")
	tf.explicitly_false(db, "transparent_data_encryption_enabled")
	finding := {
		"msg": sprintf("SQL database %s has transparent data encryption turned off", [tf.display_name(db)]),
		"resource": db.id,
	}
}

deny contains finding if {
	some pool in tf.resources("azurerm_synapse_sql_pool")
	azure.setting(pool, "data_encrypted", false) == false
	finding := {
		"msg": sprintf("Synapse SQL pool %s is not encrypted at rest (data_encrypted = false%s)", [tf.display_name(pool), left_out(pool)]),
		"resource": pool.id,
	}
}

left_out(pool) := ", left out: the default" if tf.omitted(pool, "data_encrypted")

else := ""

# judged are the databases and Synapse pools whose encryption is known,
# the pools that leave it out to the default included.
judged contains db.id if {
	some db in tf.resources("azurerm_mssql_database")
	is_boolean(db.attributes.transparent_data_encryption_enabled)
}

judged contains pool.id if {
	some pool in tf.resources("azurerm_synapse_sql_pool")
	is_boolean(azure.setting(pool, "data_encrypted", false))
}
