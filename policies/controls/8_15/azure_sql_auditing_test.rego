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
