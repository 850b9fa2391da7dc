package annexa.controls.c8_15.azure_sql_auditing_test

import data.annexa.controls.c8_15.azure_sql_auditing as check
import data.annexa.lib.testing

server := testing.resource("azurerm_mssql_server", "main", {"name": "sql-acme-prod"})

auditing(attrs) := testing.with_refs(
	testing.resource("azurerm_mssql_server_extended_auditing_policy", "main", attrs),
	{"server_id": ["azurerm_mssql_server.main"]},
)

test_pass_log_analytics if {
	a := auditing({"enabled": true, "log_monitoring_enabled": true, "storage_endpoint": null, "retention_in_days": 0})
	count(check.deny) == 0 with data.facts as testing.facts([server, a])
}

test_pass_storage_ninety_days if {
	a := auditing({"enabled": true, "storage_endpoint": "https://stacmeaudit.blob.core.windows.net/", "retention_in_days": 90})
	count(check.deny) == 0 with data.facts as testing.facts([server, a])
}

test_fail_no_auditing if {
	check.deny == {{"msg": "SQL server has no enabled auditing policy", "resource": "azurerm_mssql_server.main"}} with data.facts as testing.facts([server])
}

test_fail_auditing_off if {
	a := auditing({"enabled": false, "log_monitoring_enabled": true})
	findings := check.deny with data.facts as testing.facts([server, a])
	{f.resource | some f in findings} == {"azurerm_mssql_server.main", "azurerm_mssql_server_extended_auditing_policy.main"}
}

test_fail_short_storage_retention_unknown_endpoint if {
	a := object.union(auditing({"enabled": true, "retention_in_days": 30}), {"unknown": ["storage_endpoint"]})
	findings := check.deny with data.facts as testing.facts([server, a])
	{f.msg | some f in findings} == {"SQL server auditing policy keeps audit records for 30 day(s), fewer than 90"}
}

test_pass_retention_ignored_without_storage if {
	a := auditing({"enabled": true, "log_monitoring_enabled": true, "storage_endpoint": null, "retention_in_days": 7})
	count(check.deny) == 0 with data.facts as testing.facts([server, a])
}

test_pass_judges_servers_and_policies if {
	a := auditing({"enabled": true, "log_monitoring_enabled": true, "storage_endpoint": null, "retention_in_days": 0})
	check.judged == {"azurerm_mssql_server.main", "azurerm_mssql_server_extended_auditing_policy.main"} with data.facts as testing.facts([server, a])
	u := object.union(auditing({}), {"unknown": ["enabled", "storage_endpoint", "retention_in_days"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}

database(name) := testing.with_refs(
	testing.resource("azurerm_mssql_database", name, {"name": name}),
	{"server_id": ["azurerm_mssql_server.main"]},
)

db_auditing(name, attrs) := testing.with_refs(
	testing.resource("azurerm_mssql_database_extended_auditing_policy", name, attrs),
	{"database_id": [sprintf("azurerm_mssql_database.%s", [name])]},
)

test_pass_every_database_audited if {
	facts := testing.facts([
		server, database("orders"), database("ledger"),
		db_auditing("orders", {"enabled": true, "log_monitoring_enabled": true}),
		db_auditing("ledger", {"enabled": true, "storage_endpoint": "https://stacmeaudit.blob.core.windows.net/", "retention_in_days": 120}),
	])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {
		"azurerm_mssql_server.main",
		"azurerm_mssql_database_extended_auditing_policy.orders",
		"azurerm_mssql_database_extended_auditing_policy.ledger",
	} with data.facts as facts
}

test_fail_one_database_unaudited if {
	facts := testing.facts([
		server, database("orders"), database("ledger"),
		db_auditing("orders", {"enabled": true, "log_monitoring_enabled": true}),
	])
	check.deny == {{"msg": "SQL server has no enabled auditing policy", "resource": "azurerm_mssql_server.main"}} with data.facts as facts
}

test_fail_database_auditing_off_and_short if {
	facts := testing.facts([
		server, database("orders"),
		db_auditing("orders", {"enabled": false, "storage_endpoint": "https://stacmeaudit.blob.core.windows.net/", "retention_in_days": 30}),
	])
	findings := check.deny with data.facts as facts
	{f.msg | some f in findings} == {
		"SQL server has no enabled auditing policy",
		"SQL database auditing policy switches auditing off",
		"SQL database auditing policy keeps audit records for 30 day(s), fewer than 90",
	}
}

test_pass_inline_server_block if {
	s := testing.resource("azurerm_mssql_server", "main", {
		"name": "sql-acme-prod",
		"extended_auditing_policy": [{"storage_endpoint": "https://stacmeaudit.blob.core.windows.net/", "retention_in_days": 120}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([s])
}

test_fail_inline_server_block_short_retention if {
	s := object.union(
		testing.resource("azurerm_mssql_server", "main", {
			"name": "sql-acme-prod",
			"extended_auditing_policy": [{"retention_in_days": 14}],
		}),
		{"unknown": ["extended_auditing_policy.0.storage_endpoint"]},
	)
	check.deny == {{
		"msg": "inline extended_auditing_policy keeps audit records for 14 day(s), fewer than 90",
		"resource": "azurerm_mssql_server.main",
	}} with data.facts as testing.facts([s])
}

test_fail_inline_server_block_off if {
	s := testing.resource("azurerm_mssql_server", "main", {
		"name": "sql-acme-prod",
		"extended_auditing_policy": [{"enabled": false}],
	})
	findings := check.deny with data.facts as testing.facts([s])
	{f.msg | some f in findings} == {"SQL server has no enabled auditing policy", "inline extended_auditing_policy switches auditing off"}
}

test_fail_inline_database_block_short_retention_judged if {
	d := object.union(database("orders"), {"attributes": {
		"name": "orders",
		"extended_auditing_policy": [{"storage_endpoint": "https://stacmeaudit.blob.core.windows.net/", "retention_in_days": 7}],
	}})
	findings := check.deny with data.facts as testing.facts([server, d])
	{f.resource | some f in findings} == {"azurerm_mssql_database.orders"}
	check.judged == {"azurerm_mssql_server.main", "azurerm_mssql_database.orders"} with data.facts as testing.facts([server, d])
}

# the legacy azurerm_sql_server of azurerm 3.x and earlier is judged like
# azurerm_mssql_server
legacy_server := testing.resource("azurerm_sql_server", "old", {"name": "sql-acme-legacy", "version": "12.0"})

test_fail_legacy_server_without_auditing if {
	facts := testing.facts([legacy_server])
	check.deny == {{"msg": "SQL server has no enabled auditing policy", "resource": "azurerm_sql_server.old"}} with data.facts as facts
	check.judged == {"azurerm_sql_server.old"} with data.facts as facts
}

test_pass_legacy_server_with_auditing_policy if {
	a := testing.with_refs(
		testing.resource("azurerm_mssql_server_extended_auditing_policy", "old", {"enabled": true, "log_monitoring_enabled": true}),
		{"server_id": ["azurerm_sql_server.old"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([legacy_server, a])
}

test_fail_legacy_server_inline_block_short_retention if {
	s := testing.resource("azurerm_sql_server", "old", {
		"name": "sql-acme-legacy",
		"extended_auditing_policy": [{"storage_endpoint": "https://stacmeaudit.blob.core.windows.net/", "retention_in_days": 14}],
	})
	check.deny == {{
		"msg": "inline extended_auditing_policy keeps audit records for 14 day(s), fewer than 90",
		"resource": "azurerm_sql_server.old",
	}} with data.facts as testing.facts([s])
}
