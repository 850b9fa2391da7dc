package annexa.controls.c8_24.azure_key_vault_recovery_test

import data.annexa.controls.c8_24.azure_key_vault_recovery as check
import data.annexa.lib.testing

vault(attrs, configured) := object.union(testing.resource("azurerm_key_vault", "kv", attrs), {"configured": configured})

test_pass_purge_protection if {
	facts := testing.facts([vault({"purge_protection_enabled": true}, ["purge_protection_enabled"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_key_vault.kv"} with data.facts as facts
}

test_fail_left_out if {
	findings := check.deny with data.facts as testing.facts([vault({}, ["name"])])
	count(findings) == 1
	some f in findings
	contains(f.msg, "leaves purge protection out")
}

test_fail_soft_delete_off if {
	findings := check.deny with data.facts as testing.facts([vault({"purge_protection_enabled": true, "soft_delete_enabled": false}, ["purge_protection_enabled", "soft_delete_enabled"])])
	count(findings) == 1
}

test_pass_unknown_not_judged if {
	v := object.union(vault({}, ["purge_protection_enabled"]), {"unknown": ["purge_protection_enabled"]})
	count(check.judged) == 0 with data.facts as testing.facts([v])
}
