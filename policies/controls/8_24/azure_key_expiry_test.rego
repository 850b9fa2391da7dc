package annexa.controls.c8_24.azure_key_expiry_test

import data.annexa.controls.c8_24.azure_key_expiry as check
import data.annexa.lib.testing

item(t, attrs, configured) := object.union(testing.resource(t, "k", attrs), {"configured": configured})

test_pass_expiry_set if {
	facts := testing.facts([item("azurerm_key_vault_secret", {"expiration_date": "2027-01-01T00:00:00Z"}, ["expiration_date"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_key_vault_secret.k"} with data.facts as facts
}

test_pass_expiry_unknown_until_apply if {
	k := object.union(item("azurerm_key_vault_key", {}, ["expiration_date"]), {"unknown": ["expiration_date"]})
	count(check.deny) == 0 with data.facts as testing.facts([k])
	count(check.judged) == 1 with data.facts as testing.facts([k])
}

test_pass_rotation_expire_after if {
	facts := testing.facts([item("azurerm_key_vault_key", {"expiration_date": null, "rotation_policy": [{"expire_after": "P90D"}]}, ["rotation_policy"])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_left_out if {
	count(check.deny) == 1 with data.facts as testing.facts([item("azurerm_key_vault_key", {"expiration_date": null}, ["name"])])
	count(check.deny) == 1 with data.facts as testing.facts([item("azurerm_key_vault_secret", {}, ["name"])])
}

test_pass_no_configured_list_not_judged if {
	facts := testing.facts([testing.resource("azurerm_key_vault_secret", "k", {})])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}
