package annexa.controls.c8_20.azure_database_public_access_test

import data.annexa.controls.c8_20.azure_database_public_access as check
import data.annexa.lib.testing

server(t, attrs, configured) := object.union(testing.resource(t, "s", attrs), {"configured": configured})

test_pass_sql_public_access_off if {
	facts := testing.facts([server("azurerm_mssql_server", {"public_network_access_enabled": false}, ["public_network_access_enabled"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_mssql_server.s"} with data.facts as facts
}

test_fail_sql_left_out if {
	findings := check.deny with data.facts as testing.facts([server("azurerm_mssql_server", {}, ["name"])])
	count(findings) == 1
	some f in findings
	contains(f.msg, "left out")
}

test_pass_flexible_in_subnet if {
	facts := testing.facts([server("azurerm_postgresql_flexible_server", {"delegated_subnet_id": "/subscriptions/x/subnets/db"}, ["delegated_subnet_id"])])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 1 with data.facts as facts
}

test_fail_mysql_v4_enabled if {
	facts := testing.facts([server("azurerm_mysql_flexible_server", {"public_network_access": "Enabled"}, ["public_network_access"])])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_mysql_v4_disabled if {
	facts := testing.facts([server("azurerm_mysql_flexible_server", {"public_network_access": "Disabled"}, ["public_network_access"])])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_unknown_not_judged if {
	s := object.union(server("azurerm_mssql_server", {}, ["public_network_access_enabled"]), {"unknown": ["public_network_access_enabled"]})
	count(check.judged) == 0 with data.facts as testing.facts([s])
}

test_fail_flexible_left_out_unknown_in_plan if {
	s := object.union(server("azurerm_mysql_flexible_server", {}, ["name"]), {"unknown": ["public_network_access", "public_network_access_enabled"]})
	count(check.deny) == 1 with data.facts as testing.facts([s])
	count(check.judged) == 1 with data.facts as testing.facts([s])
}
