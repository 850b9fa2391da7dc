package annexa.controls.c8_13.azure_sql_backup_test

import data.annexa.controls.c8_13.azure_sql_backup as check
import data.annexa.lib.testing

db(attrs) := testing.resource("azurerm_mssql_database", "payments", object.union({"create_mode": "Default"}, attrs))

test_pass_geo_fourteen_days if {
	d := db({"short_term_retention_policy": [{"retention_days": 14, "backup_interval_in_hours": 12}], "storage_account_type": "Geo"})
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_pass_seven_days_boundary_geo_zone if {
	d := db({"short_term_retention_policy": [{"retention_days": 7}], "storage_account_type": "GeoZone"})
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_fail_short_and_local if {
	d := db({"short_term_retention_policy": [{"retention_days": 3}], "storage_account_type": "Local"})
	check.deny == {{
		"msg": "SQL database keeps point-in-time backups for 3 day(s), fewer than 7 and stores its backups in its own region only (storage_account_type Local)",
		"resource": "azurerm_mssql_database.payments",
	}} with data.facts as testing.facts([d])
}

test_fail_zone_redundant_only if {
	d := db({"short_term_retention_policy": [{"retention_days": 35}], "storage_account_type": "Zone"})
	count(check.deny) == 1 with data.facts as testing.facts([d])
}

test_pass_secondary_not_judged if {
	d := db({"create_mode": "Secondary", "storage_account_type": "Local"})
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_pass_judges_known_databases if {
	d := db({"short_term_retention_policy": [{"retention_days": 14}], "storage_account_type": "Geo"})
	check.judged == {"azurerm_mssql_database.payments"} with data.facts as testing.facts([d])
}

test_pass_secondary_and_unknown_not_judged if {
	count(check.judged) == 0 with data.facts as testing.facts([db({"create_mode": "Secondary", "storage_account_type": "Local"})])
	u := object.union(db({}), {"unknown": ["short_term_retention_policy", "storage_account_type"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}
