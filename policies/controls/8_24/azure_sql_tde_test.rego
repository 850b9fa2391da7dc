package annexa.controls.c8_24.azure_sql_tde_test

import data.annexa.controls.c8_24.azure_sql_tde as check
import data.annexa.lib.testing

test_pass_tde_default_on if {
	facts := testing.facts([
		testing.resource("azurerm_mssql_database", "ledger", {"name": "ledger", "transparent_data_encryption_enabled": true}),
		testing.resource("azurerm_synapse_sql_pool", "dw", {"name": "dw", "data_encrypted": true}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_tde_off if {
	facts := testing.facts([testing.resource("azurerm_mssql_database", "ledger", {"name": "ledger", "transparent_data_encryption_enabled": false})])
	check.deny == {{"msg": "SQL database ledger has transparent data encryption turned off", "resource": "azurerm_mssql_database.ledger"}} with data.facts as facts
}

test_fail_synapse_pool_unencrypted if {
	facts := testing.facts([testing.resource("azurerm_synapse_sql_pool", "dw", {"name": "dw", "data_encrypted": false})])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_judges_known_encryption if {
	facts := testing.facts([
		testing.resource("azurerm_mssql_database", "ledger", {"name": "ledger", "transparent_data_encryption_enabled": true}),
		object.union(testing.resource("azurerm_synapse_sql_pool", "dw", {"name": "dw"}), {"unknown": ["data_encrypted"]}),
	])
	check.judged == {"azurerm_mssql_database.ledger"} with data.facts as facts
}

test_fail_synapse_pool_data_encrypted_left_out if {
	pool := object.union(
		testing.resource("azurerm_synapse_sql_pool", "dw", {"name": "dw", "sku_name": "DW100c"}),
		{"configured": ["name", "sku_name", "synapse_workspace_id"]},
	)
	check.deny == {{
		"msg": "Synapse SQL pool dw is not encrypted at rest (data_encrypted = false, left out: the default)",
		"resource": "azurerm_synapse_sql_pool.dw",
	}} with data.facts as testing.facts([pool])
	check.judged == {"azurerm_synapse_sql_pool.dw"} with data.facts as testing.facts([pool])
}

test_pass_synapse_pool_unknown_and_left_out_not_judged if {
	pool := object.union(
		testing.resource("azurerm_synapse_sql_pool", "dw", {"name": "dw"}),
		{"configured": ["name"], "unknown": ["data_encrypted"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([pool])
	count(check.judged) == 0 with data.facts as testing.facts([pool])
}
