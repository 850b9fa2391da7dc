package annexa.controls.c8_24.azure_customer_keys_test

import data.annexa.controls.c8_24.azure_customer_keys as check
import data.annexa.lib.testing

disk(classification, des) := testing.resource("azurerm_managed_disk", "data", {
	"name": "disk-ledger", "tags": {"Classification": classification},
	"disk_encryption_set_id": des, "encryption_settings": [],
})

test_pass_restricted_disk_with_encryption_set if {
	facts := testing.facts([disk("Restricted", "/subscriptions/x/diskEncryptionSets/des-prod")])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_restricted_disk_platform_key if {
	facts := testing.facts([disk("Restricted", null)])
	check.deny == {{
		"msg": "managed disk disk-ledger is classified Restricted but is encrypted only with a platform-managed key: no disk_encryption_set_id",
		"resource": "azurerm_managed_disk.data",
		"details": {"classification": "Restricted"},
	}} with data.facts as facts
}

test_pass_internal_disk_not_judged if {
	count(check.deny) == 0 with data.facts as testing.facts([disk("Internal", null)])
}

test_pass_disk_set_by_reference if {
	d := testing.with_refs(
		object.union(testing.resource("azurerm_managed_disk", "data", {"name": "d", "tags": {"classification": "confidential"}}), {"unknown": ["disk_encryption_set_id"]}),
		{"disk_encryption_set_id": ["azurerm_disk_encryption_set.prod"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_fail_confidential_vm_os_disk if {
	vm := testing.resource("azurerm_linux_virtual_machine", "app", {
		"name": "vm-app", "tags": {"data_classification": "confidential"},
		"os_disk": [{"caching": "ReadWrite", "storage_account_type": "Premium_LRS", "disk_encryption_set_id": null}],
	})
	count(check.deny) == 1 with data.facts as testing.facts([vm])
}

test_pass_storage_account_separate_key if {
	sa := testing.resource("azurerm_storage_account", "docs", {"name": "acmedocs", "tags": {"Classification": "Confidential"}, "customer_managed_key": []})
	cmk := testing.with_refs(
		testing.resource("azurerm_storage_account_customer_managed_key", "docs", {"key_name": "docs"}),
		{"storage_account_id": ["azurerm_storage_account.docs"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([sa, cmk])
}

test_fail_storage_account_without_key if {
	sa := testing.resource("azurerm_storage_account", "docs", {"name": "acmedocs", "tags": {"Classification": "Confidential"}, "customer_managed_key": []})
	count(check.deny) == 1 with data.facts as testing.facts([sa])
}

test_pass_sql_server_tde_protector if {
	sql := testing.resource("azurerm_mssql_server", "main", {"name": "sql-acme", "tags": {"classification": "restricted"}, "transparent_data_encryption_key_vault_key_id": null})
	tde := testing.with_refs(
		object.union(testing.resource("azurerm_mssql_server_transparent_data_encryption", "main", {}), {"unknown": ["key_vault_key_id", "server_id"]}),
		{"server_id": ["azurerm_mssql_server.main"], "key_vault_key_id": ["azurerm_key_vault_key.tde"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([sql, tde])
}

test_fail_sql_server_service_managed_key if {
	sql := testing.resource("azurerm_mssql_server", "main", {"name": "sql-acme", "tags": {"classification": "restricted"}, "transparent_data_encryption_key_vault_key_id": null})
	tde := testing.with_refs(
		testing.resource("azurerm_mssql_server_transparent_data_encryption", "main", {"key_vault_key_id": null, "managed_hsm_key_id": null}),
		{"server_id": ["azurerm_mssql_server.main"]},
	)
	count(check.deny) == 1 with data.facts as testing.facts([sql, tde])
}

test_pass_judges_classified_resources_only if {
	check.judged == {"azurerm_managed_disk.data"} with data.facts as testing.facts([disk("Restricted", "/subscriptions/x/diskEncryptionSets/des-prod")])
	count(check.judged) == 0 with data.facts as testing.facts([disk("Internal", null)])
}
