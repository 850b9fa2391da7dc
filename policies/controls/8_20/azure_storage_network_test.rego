package annexa.controls.c8_20.azure_storage_network_test

import data.annexa.controls.c8_20.azure_storage_network as check
import data.annexa.lib.testing

account(attrs, configured) := object.union(testing.resource("azurerm_storage_account", "a", object.union({"name": "sa"}, attrs)), {"configured": configured})

test_pass_public_network_access_off if {
	facts := testing.facts([account({"public_network_access_enabled": false}, ["public_network_access_enabled"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_storage_account.a"} with data.facts as facts
}

test_pass_default_deny if {
	facts := testing.facts([account({"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.0/24"]}]}, ["network_rules"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_storage_account.a"} with data.facts as facts
}

test_fail_everything_left_out if {
	a := object.union(account({}, ["name"]), {"unknown": ["network_rules"]})
	count(check.deny) == 1 with data.facts as testing.facts([a])
}

test_fail_default_allow if {
	facts := testing.facts([account({"public_network_access_enabled": true, "network_rules": [{"default_action": "Allow"}]}, ["network_rules", "public_network_access_enabled"])])
	count(check.deny) == 1 with data.facts as facts
}

rules(action) := testing.with_refs(
	testing.resource("azurerm_storage_account_network_rules", "r", {"default_action": action}),
	{"storage_account_id": ["azurerm_storage_account.a"]},
)

test_split_rules if {
	a := account({}, ["name"])
	count(check.deny) == 0 with data.facts as testing.facts([a, rules("Deny")])
	check.judged == {"azurerm_storage_account.a", "azurerm_storage_account_network_rules.r"} with data.facts as testing.facts([a, rules("Deny")])
	count(check.deny) == 1 with data.facts as testing.facts([a, rules("Allow")])
}

test_pass_unknown_public_access_not_judged if {
	a := object.union(account({}, ["public_network_access_enabled"]), {"unknown": ["public_network_access_enabled"]})
	count(check.judged) == 0 with data.facts as testing.facts([a])
}
