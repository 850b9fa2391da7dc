package annexa.controls.c8_15.azure_key_vault_logging_test

import data.annexa.controls.c8_15.azure_key_vault_logging as check
import data.annexa.lib.testing

kv := testing.resource("azurerm_key_vault", "main", {"name": "kv-acme-prod"})

setting(logs) := testing.with_refs(
	testing.resource("azurerm_monitor_diagnostic_setting", "kv", {"name": "kv-audit", "enabled_log": logs}),
	{"target_resource_id": ["azurerm_key_vault.main"], "log_analytics_workspace_id": ["azurerm_log_analytics_workspace.main"]},
)

test_pass_audit_category_group if {
	count(check.deny) == 0 with data.facts as testing.facts([kv, setting([{"category": null, "category_group": "audit"}])])
}

test_pass_audit_event_category if {
	count(check.deny) == 0 with data.facts as testing.facts([kv, setting([{"category": "AuditEvent", "category_group": null}])])
}

test_pass_legacy_log_block_by_known_id if {
	existing := testing.resource("azurerm_key_vault", "old", {"id": "/subscriptions/8d3e/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-old"})
	s := testing.resource("azurerm_monitor_diagnostic_setting", "old", {
		"target_resource_id": "/subscriptions/8d3e/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-old",
		"log": [{"category": "AuditEvent", "enabled": true}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([existing, s])
}

test_fail_no_setting if {
	check.deny == {{"msg": "key vault has no diagnostic setting that exports its audit events", "resource": "azurerm_key_vault.main"}} with data.facts as testing.facts([kv])
}

test_fail_setting_without_audit_logs if {
	count(check.deny) == 1 with data.facts as testing.facts([kv, setting([{"category": "AzurePolicyEvaluationDetails", "category_group": null}])])
}

test_fail_legacy_log_disabled if {
	s := testing.with_refs(
		testing.resource("azurerm_monitor_diagnostic_setting", "kv", {"log": [{"category": "AuditEvent", "enabled": false}]}),
		{"target_resource_id": ["azurerm_key_vault.main"]},
	)
	count(check.deny) == 1 with data.facts as testing.facts([kv, s])
}

test_pass_judges_every_key_vault if {
	check.judged == {"azurerm_key_vault.main"} with data.facts as testing.facts([kv, setting([{"category": "AuditEvent", "category_group": null}])])
	count(check.judged) == 0 with data.facts as testing.facts([setting([])])
}
