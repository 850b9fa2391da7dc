package annexa.controls.c8_13.azure_database_backup_test

import data.annexa.controls.c8_13.azure_database_backup as check
import data.annexa.lib.testing

test_pass_geo_redundant if {
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"backup_retention_days": 14, "geo_redundant_backup_enabled": true})
	my := testing.resource("azurerm_mysql_flexible_server", "cms", {"backup_retention_days": 7, "geo_redundant_backup_enabled": true})
	count(check.deny) == 0 with data.facts as testing.facts([pg, my])
}

test_fail_not_geo_redundant if {
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"backup_retention_days": 7, "geo_redundant_backup_enabled": false})
	check.deny == {{
		"msg": "PostgreSQL flexible server keeps its backups in its own region only (geo_redundant_backup_enabled is false)",
		"resource": "azurerm_postgresql_flexible_server.ledger",
	}} with data.facts as testing.facts([pg])
}

test_fail_short_retention_legacy_server if {
	my := testing.resource("azurerm_mysql_server", "old", {"backup_retention_days": 1, "geo_redundant_backup_enabled": false})
	findings := check.deny with data.facts as testing.facts([my])
	{f.msg | some f in findings} == {"MySQL server keeps backups for 1 day(s), fewer than 7 and keeps its backups in its own region only (geo_redundant_backup_enabled is false)"}
}

test_pass_replica_not_judged if {
	pg := testing.resource("azurerm_postgresql_flexible_server", "ro", {"create_mode": "Replica", "geo_redundant_backup_enabled": false})
	count(check.deny) == 0 with data.facts as testing.facts([pg])
}

test_pass_judges_servers_with_known_backups if {
	pg := testing.resource("azurerm_postgresql_flexible_server", "ledger", {"backup_retention_days": 14, "geo_redundant_backup_enabled": true})
	check.judged == {"azurerm_postgresql_flexible_server.ledger"} with data.facts as testing.facts([pg])
}

test_pass_replica_and_unknown_not_judged if {
	ro := testing.resource("azurerm_postgresql_flexible_server", "ro", {"create_mode": "Replica", "geo_redundant_backup_enabled": false})
	u := object.union(testing.resource("azurerm_mysql_flexible_server", "cms", {}), {"unknown": ["backup_retention_days", "geo_redundant_backup_enabled"]})
	count(check.judged) == 0 with data.facts as testing.facts([ro, u])
}
