package annexa.controls.c8_24.azure_key_rotation_test

import data.annexa.controls.c8_24.azure_key_rotation as check
import data.annexa.lib.testing

key(policy) := testing.resource("azurerm_key_vault_key", "data", {"name": "data-key", "key_type": "RSA", "key_size": 3072, "rotation_policy": policy})

test_pass_automatic_rotation if {
	facts := testing.facts([key([{"expire_after": "P400D", "notify_before_expiry": "P30D", "automatic": [{"time_after_creation": "P365D", "time_before_expiry": null}]}])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_no_rotation_policy if {
	check.deny == {{"msg": "key data-key has no automatic rotation (rotation_policy.automatic)", "resource": "azurerm_key_vault_key.data"}} with data.facts as testing.facts([key([])])
}

test_fail_policy_without_automatic_block if {
	facts := testing.facts([key([{"expire_after": "P400D", "notify_before_expiry": "P30D", "automatic": []}])])
	count(check.deny) == 1 with data.facts as facts
}

test_fail_managed_hsm_key_null_policy if {
	k := testing.resource("azurerm_key_vault_managed_hardware_security_module_key", "hsm", {"name": "hsm-key", "rotation_policy": null})
	count(check.deny) == 1 with data.facts as testing.facts([k])
}

test_pass_unknown_policy_not_judged if {
	k := object.union(testing.resource("azurerm_key_vault_key", "data", {"name": "data-key"}), {"unknown": ["rotation_policy"]})
	count(check.deny) == 0 with data.facts as testing.facts([k])
}

test_pass_judges_keys_with_a_known_policy if {
	check.judged == {"azurerm_key_vault_key.data"} with data.facts as testing.facts([key([])])
	k := object.union(testing.resource("azurerm_key_vault_key", "data", {"name": "data-key"}), {"unknown": ["rotation_policy"]})
	count(check.judged) == 0 with data.facts as testing.facts([k])
}
