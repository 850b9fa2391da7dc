package annexa.controls.c8_5.azure_database_auth_test

import data.annexa.controls.c8_5.azure_database_auth as check
import data.annexa.lib.testing

admin(only) := [{
	"login_username": "sql-admins",
	"object_id": "2d7f4b1c-8e3a-4c55-9a0d-6f1e2b3c4d5e",
	"tenant_id": "5f0b2c8e-3d41-4a77-9c1e-0a6d2b7e4f90",
	"azuread_authentication_only": only,
}]

test_pass_entra_only if {
	sql := testing.resource("azurerm_mssql_server", "main", {"azuread_administrator": admin(true)})
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"authentication": [{
		"active_directory_auth_enabled": true, "password_auth_enabled": false,
		"tenant_id": "5f0b2c8e-3d41-4a77-9c1e-0a6d2b7e4f90",
	}]})
	count(check.deny) == 0 with data.facts as testing.facts([sql, pg])
}

test_fail_sql_without_entra_admin if {
	sql := testing.resource("azurerm_mssql_server", "main", {"azuread_administrator": []})
	check.deny == {{
		"msg": "SQL server has no Microsoft Entra ID administrator, so every login is a SQL password login",
		"resource": "azurerm_mssql_server.main",
	}} with data.facts as testing.facts([sql])
}

test_fail_sql_mixed_mode if {
	sql := testing.resource("azurerm_mssql_server", "main", {"azuread_administrator": admin(false)})
	findings := check.deny with data.facts as testing.facts([sql])
	{f.msg | some f in findings} == {"SQL server accepts SQL password logins besides Microsoft Entra ID (azuread_authentication_only is false or left out)"}
}

test_fail_postgres_password_only if {
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"authentication": [{"active_directory_auth_enabled": false, "password_auth_enabled": true}]})
	findings := check.deny with data.facts as testing.facts([pg])
	{f.msg | some f in findings} == {"PostgreSQL flexible server accepts password logins and has Microsoft Entra ID authentication off"}
}

test_fail_postgres_both if {
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"authentication": [{"active_directory_auth_enabled": true, "password_auth_enabled": true}]})
	findings := check.deny with data.facts as testing.facts([pg])
	{f.msg | some f in findings} == {"PostgreSQL flexible server accepts password logins besides Microsoft Entra ID"}
}

test_pass_unknown_authentication_not_judged if {
	pg := object.union(testing.resource("azurerm_postgresql_flexible_server", "ledger", {}), {"unknown": ["authentication"]})
	sql := object.union(testing.resource("azurerm_mssql_server", "main", {}), {"unknown": ["azuread_administrator"]})
	count(check.deny) == 0 with data.facts as testing.facts([pg, sql])
}

# authentication left out: unknown in a plan (or null), the provider's default
left_out_authentication := object.union(
	testing.resource("azurerm_postgresql_flexible_server", "omitted", {"name": "pg"}),
	{"configured": ["name"], "unknown": ["authentication"]},
)

test_fail_authentication_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_authentication])
	some f in findings
	contains(f.msg, "leaves authentication out")
}

test_pass_authentication_written_but_unknown if {
	written := object.union(left_out_authentication, {"configured": ["authentication", "name"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "leaves authentication out")
	}
}

test_pass_authentication_configuration_unsaid if {
	unsaid := object.remove(left_out_authentication, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "leaves authentication out")
	}
}

test_pass_judges_known_servers if {
	sql := testing.resource("azurerm_mssql_server", "main", {"azuread_administrator": admin(true)})
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"authentication": [{"active_directory_auth_enabled": true, "password_auth_enabled": false}]})
	check.judged == {"azurerm_mssql_server.main", "azurerm_postgresql_flexible_server.ledger"} with data.facts as testing.facts([sql, pg])
}

test_pass_unknown_authentication_judges_nothing if {
	pg := object.union(testing.resource("azurerm_postgresql_flexible_server", "ledger", {}), {"unknown": ["authentication"]})
	sql := object.union(testing.resource("azurerm_mssql_server", "main", {}), {"unknown": ["azuread_administrator"]})
	count(check.judged) == 0 with data.facts as testing.facts([pg, sql])
}

test_fail_sql_entra_only_left_out if {
	sql := testing.resource("azurerm_mssql_server", "main", {"azuread_administrator": [{"login_username": "dba", "object_id": "x"}]})
	count(check.deny) == 1 with data.facts as testing.facts([sql])
}

test_pass_sql_entra_only_unknown if {
	sql := object.union(
		testing.resource("azurerm_mssql_server", "main", {"azuread_administrator": [{"login_username": "dba", "object_id": "x"}]}),
		{"unknown": ["azuread_administrator.0.azuread_authentication_only"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([sql])
}

legacy_admin(server_address, only) := testing.with_refs(
	testing.resource("azurerm_sql_active_directory_administrator", "admin", {
		"server_name": "sql-acme", "resource_group_name": "rg-acme",
		"login": "sql-admins", "azuread_authentication_only": only,
	}),
	{"server_name": [server_address]},
)

test_pass_mssql_legacy_admin_entra_only if {
	sql := testing.resource("azurerm_mssql_server", "main", {"name": "sql-acme", "resource_group_name": "rg-acme", "azuread_administrator": []})
	facts := testing.facts([sql, legacy_admin("azurerm_mssql_server.main", true)])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_mssql_server.main"} with data.facts as facts
}

test_pass_legacy_sql_server_named_by_literal_name if {
	sql := testing.resource("azurerm_sql_server", "legacy", {"name": "sql-acme", "resource_group_name": "rg-acme"})
	a := testing.resource("azurerm_sql_active_directory_administrator", "admin", {
		"server_name": "sql-acme", "resource_group_name": "rg-acme",
		"login": "sql-admins", "azuread_authentication_only": true,
	})
	facts := testing.facts([sql, a])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_sql_server.legacy"} with data.facts as facts
}

test_fail_legacy_sql_server_without_admin if {
	sql := testing.resource("azurerm_sql_server", "legacy", {"name": "sql-acme", "resource_group_name": "rg-acme"})
	other := testing.resource("azurerm_sql_active_directory_administrator", "admin", {
		"server_name": "sql-other", "resource_group_name": "rg-acme",
		"login": "sql-admins", "azuread_authentication_only": true,
	})
	check.deny == {{
		"msg": "SQL server has no Microsoft Entra ID administrator (azurerm_sql_active_directory_administrator), so every login is a SQL password login",
		"resource": "azurerm_sql_server.legacy",
	}} with data.facts as testing.facts([sql, other])
}

test_fail_legacy_admin_mixed_mode_left_out if {
	sql := testing.resource("azurerm_sql_server", "legacy", {"name": "sql-acme", "resource_group_name": "rg-acme"})
	a := object.union(legacy_admin("azurerm_sql_server.legacy", null), {"configured": ["server_name", "resource_group_name", "login"]})
	findings := check.deny with data.facts as testing.facts([sql, a])
	{f.resource | some f in findings} == {"azurerm_sql_server.legacy"}
	count(findings) == 1
}

test_pass_legacy_admin_unknown_only_flag_not_reported if {
	sql := testing.resource("azurerm_sql_server", "legacy", {"name": "sql-acme", "resource_group_name": "rg-acme"})
	a := object.union(legacy_admin("azurerm_sql_server.legacy", null), {"unknown": ["azuread_authentication_only"]})
	count(check.deny) == 0 with data.facts as testing.facts([sql, a])
}
