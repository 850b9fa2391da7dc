package annexa.controls.c8_20.azure_database_firewall_test

import data.annexa.controls.c8_20.azure_database_firewall as check
import data.annexa.lib.testing

rule(t, from, to) := testing.resource(t, "r", {"name": "r", "start_ip_address": from, "end_ip_address": to})

test_fail_open_to_all if {
	findings := check.deny with data.facts as testing.facts([rule("azurerm_mssql_firewall_rule", "0.0.0.0", "255.255.255.255")])
	count(findings) == 1
	some f in findings
	contains(f.msg, "the whole internet")
}

test_fail_wide_range if {
	count(check.deny) == 1 with data.facts as testing.facts([rule("azurerm_postgresql_flexible_server_firewall_rule", "10.0.0.0", "11.255.255.255")])
}

test_fail_allow_azure_services_unless_parameter if {
	facts := testing.facts([rule("azurerm_sql_firewall_rule", "0.0.0.0", "0.0.0.0")])
	count(check.deny) == 1 with data.facts as facts
	count(check.deny) == 0 with data.facts as object.union(facts, {"parameters": {"azure_db_allow_azure_services": true}})
}

test_pass_office_range if {
	facts := testing.facts([rule("azurerm_mysql_flexible_server_firewall_rule", "203.0.113.0", "203.0.113.255")])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_mysql_flexible_server_firewall_rule.r"} with data.facts as facts
}

test_pass_unknown_not_judged if {
	r := testing.resource("azurerm_mssql_firewall_rule", "r", {"start_ip_address": "0.0.0.0"})
	count(check.judged) == 0 with data.facts as testing.facts([r])
	count(check.deny) == 0 with data.facts as testing.facts([r])
}
