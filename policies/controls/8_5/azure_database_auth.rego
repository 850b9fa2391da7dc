# METADATA
# title: Azure SQL and PostgreSQL servers sign people in through Microsoft Entra ID only
# description: |
#   Database logins go through Microsoft Entra ID, where MFA, conditional
#   access and the leaver process apply, instead of passwords kept in the
#   database. An azurerm_mssql_server, and a legacy azurerm_sql_server, has a
#   Microsoft Entra ID administrator that allows Entra ID logins only:
#   either the server's azuread_administrator block (azurerm_mssql_server)
#   or a legacy azurerm_sql_active_directory_administrator whose
#   server_name (and resource_group_name) names the server, either one with
#   azuread_authentication_only = true (left out it is false, Azure's
#   default). A server with neither is a finding; azurerm_sql_server has no
#   administrator block, so it needs the separate resource. An
#   azurerm_postgresql_flexible_server
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
#     - resource:azurerm_sql_server
#     - resource:azurerm_sql_active_directory_administrator
#   remediation: |
#     Give the SQL server an azuread_administrator (an Entra ID group) with
#     azuread_authentication_only = true (on a legacy azurerm_sql_server, an
#     azurerm_sql_active_directory_administrator with
#     azuread_authentication_only = true; better, move to
#     azurerm_mssql_server). On PostgreSQL flexible servers set
#     authentication { active_directory_auth_enabled = true,
#     password_auth_enabled = false, tenant_id = ... } and add an
#     azurerm_postgresql_flexible_server_active_directory_administrator.
#     Applications sign in with a managed identity.
package annexa.controls.c8_5.azure_database_auth

import data.annexa.lib.tf

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	s.attributes.azuread_administrator == []
	not has_legacy_admin(s)
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
	some s in tf.resources("azurerm_sql_server")
	not has_legacy_admin(s)
	finding := {
		"msg": "SQL server has no Microsoft Entra ID administrator (azurerm_sql_active_directory_administrator), so every login is a SQL password login",
		"resource": s.id,
	}
}

# A server whose Entra ID administrator is the separate legacy resource,
# none of them Entra-only.
deny contains finding if {
	some t in sql_servers
	some s in tf.resources(t)
	count(object.get(s.attributes, "azuread_administrator", [])) == 0
	some k in server_keys(s)
	k in legacy_mixed
	every k2 in server_keys(s) {
		not k2 in legacy_entra_only
	}
	finding := {
		"msg": "SQL server accepts SQL password logins besides Microsoft Entra ID (azurerm_sql_active_directory_administrator azuread_authentication_only is false or left out)",
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

sql_servers := ["azurerm_mssql_server", "azurerm_sql_server"]

# server_keys are the keys by which a legacy administrator can name server
# s: its addresses and id, and "resource group/name".
server_keys(s) := tf.identities(s) | {k |
	is_string(s.attributes.name)
	k := sprintf("%s/%s", [object.get(s.attributes, "resource_group_name", ""), s.attributes.name])
}

# admin_keys are the servers legacy administrator a names: the resources
# its server_name refers to, and "resource group/name" when both are known.
admin_keys(a) := {p | some p in object.get(a, ["references", "server_name"], [])} | {k |
	is_string(a.attributes.server_name)
	is_string(a.attributes.resource_group_name)
	k := sprintf("%s/%s", [a.attributes.resource_group_name, a.attributes.server_name])
}

legacy_admins := tf.resources("azurerm_sql_active_directory_administrator")

# legacy_named, legacy_entra_only and legacy_mixed are the server keys the
# legacy administrators name: all of them, those with
# azuread_authentication_only = true, and those with it false or left out.
legacy_named := {k |
	some a in legacy_admins
	some k in admin_keys(a)
}

legacy_entra_only := {k |
	some a in legacy_admins
	a.attributes.azuread_authentication_only == true
	some k in admin_keys(a)
}

legacy_mixed := {k |
	some a in legacy_admins
	legacy_allows_passwords(a)
	some k in admin_keys(a)
}

legacy_allows_passwords(a) if a.attributes.azuread_authentication_only == false

legacy_allows_passwords(a) if {
	is_null(object.get(a.attributes, "azuread_authentication_only", null))
	not tf.is_unknown(a, "azuread_authentication_only")
}

has_legacy_admin(s) if {
	some k in server_keys(s)
	k in legacy_named
}

entra_note(auth) := " and has Microsoft Entra ID authentication off" if {
	object.get(auth, "active_directory_auth_enabled", false) != true
} else := " besides Microsoft Entra ID"

# judged are the SQL servers whose Entra ID administrators are known (a
# legacy azurerm_sql_server has only the separate resource), and
# the PostgreSQL flexible servers whose authentication is known or left to
# Azure's default.
judged contains s.id if {
	some s in tf.resources("azurerm_mssql_server")
	is_array(s.attributes.azuread_administrator)
}

judged contains s.id if {
	some s in tf.resources("azurerm_mssql_server")
	has_legacy_admin(s)
}

judged contains s.id if {
	some s in tf.resources("azurerm_sql_server")
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
