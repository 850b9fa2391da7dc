package annexa.controls.c8_13.azure_backup_vault_test

import data.annexa.controls.c8_13.azure_backup_vault as check
import data.annexa.lib.testing

test_pass_defaults if {
	v := testing.resource("azurerm_recovery_services_vault", "main", {"soft_delete_enabled": true, "storage_mode_type": "GeoRedundant", "immutability": "Locked"})
	p := testing.resource("azurerm_backup_policy_vm", "daily", {"retention_daily": [{"count": 30}]})
	count(check.deny) == 0 with data.facts as testing.facts([v, p])
}

test_fail_soft_delete_off_locally_redundant if {
	v := testing.resource("azurerm_recovery_services_vault", "main", {"soft_delete_enabled": false, "storage_mode_type": "LocallyRedundant"})
	check.deny == {{
		"msg": "Recovery Services vault lets deleted backups be purged at once (soft_delete_enabled is false) and keeps its backups in one region (storage_mode_type LocallyRedundant)",
		"resource": "azurerm_recovery_services_vault.main",
	}} with data.facts as testing.facts([v])
}

test_fail_short_daily_retention if {
	p := testing.resource("azurerm_backup_policy_vm", "daily", {"retention_daily": [{"count": 3}]})
	findings := check.deny with data.facts as testing.facts([p])
	{f.msg | some f in findings} == {"VM backup policy keeps daily backups for 3 day(s), fewer than 7"}
}

test_pass_judges_vaults_and_policies if {
	v := testing.resource("azurerm_recovery_services_vault", "main", {"soft_delete_enabled": true, "storage_mode_type": "GeoRedundant"})
	p := testing.resource("azurerm_backup_policy_vm", "daily", {"retention_daily": [{"count": 30}]})
	check.judged == {"azurerm_recovery_services_vault.main", "azurerm_backup_policy_vm.daily"} with data.facts as testing.facts([v, p])
	u := object.union(testing.resource("azurerm_recovery_services_vault", "main", {}), {"unknown": ["soft_delete_enabled", "storage_mode_type"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}
