# METADATA
# title: Azure SQL and PostgreSQL servers sign people in through Microsoft Entra ID only
# description: |
#   Database logins go through Microsoft Entra ID, where MFA, conditional
#   access and the leaver process apply, instead of passwords kept in the
#   database. An azurerm_mssql_server has an azuread_administrator block with
#   azuread_authentication_only = true; an azurerm_postgresql_flexible_server
#   has an authentication block with active_directory_auth_enabled = true and
#   password_auth_enabled = false. Settings only known after apply are not
#   judged.
# custom:
#   controls: ["8.5"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_mssql_server
#     - resource:azurerm_postgresql_flexible_server
#   remediation: |
#     Give the SQL server an azuread_administrator (an Entra ID group) with
#     azuread_authentication_only = true. On PostgreSQL flexible servers set
#     authentication { active_directory_auth_enabled = true,
#     password_auth_enabled = false, tenant_id = ... } and add an
#     azurerm_postgresql_flexible_server_active_directory_administrator.
#     Applications sign in with a managed identity.
package annexa.controls.c8_5.azure_database_auth

import data.annexa.lib.tf

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	s.attributes.azuread_administrator == []
	finding := {
		"msg": "SQL server has no Microsoft Entra ID administrator, so every login is a SQL password login",
		"resource": s.id,
	}
}

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	some i, admin in s.attributes.azuread_administrator
	entra_only(s, i, admin) == false
	finding := {
		"msg": "SQL server accepts SQL password logins besides Microsoft Entra ID (azuread_authentication_only is false or left out)",
		"resource": s.id,
	}
}

deny contains finding if {
	some s in tf.resources("azurerm_postgresql_flexible_server")
	some auth in s.attributes.authentication
	object.get(auth, "password_auth_enabled", true) != false
	finding := {
		"msg": sprintf("PostgreSQL flexible server accepts password logins%s", [entra_note(auth)]),
		"resource": s.id,
	}
}

# A flexible server that leaves authentication out gets Azure's choice
# (unknown in a plan): password sign-in only, Entra ID off.
deny contains finding if {
	some s in tf.resources("azurerm_postgresql_flexible_server")
	tf.omitted(s, "authentication")
	not is_array(object.get(s.attributes, "authentication", null))
	finding := {
		"msg": "PostgreSQL flexible server leaves authentication out, so it accepts password logins only, with Microsoft Entra ID authentication off",
		"resource": s.id,
	}
}

# entra_only is azuread_authentication_only of the i-th administrator block:
# left out (and not computed at apply) it is false, Azure's default.
entra_only(s, i, admin) := v if {
	v := admin.azuread_authentication_only
	is_boolean(v)
} else := false if {
	is_null(object.get(admin, "azuread_authentication_only", null))
	not tf.is_unknown(s, sprintf("azuread_administrator.%d.azuread_authentication_only", [i]))
}

entra_note(auth) := " and has Microsoft Entra ID authentication off" if {
	object.get(auth, "active_directory_auth_enabled", false) != true
} else := " besides Microsoft Entra ID"

# judged are the SQL servers whose Entra ID administrators are known and
# the PostgreSQL flexible servers whose authentication is known or left to
# Azure's default.
judged contains s.id if {
	some s in tf.resources("azurerm_mssql_server")
	is_array(s.attributes.azuread_administrator)
}

judged contains s.id if {
	some s in tf.resources("azurerm_postgresql_flexible_server")
	count(object.get(s.attributes, "authentication", [])) > 0
}

judged contains s.id if {
	some s in tf.resources("azurerm_postgresql_flexible_server")
	tf.omitted(s, "authentication")
	not is_array(object.get(s.attributes, "authentication", null))
}
