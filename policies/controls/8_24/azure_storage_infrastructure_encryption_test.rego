package annexa.controls.c8_24.azure_storage_infrastructure_encryption_test

import data.annexa.controls.c8_24.azure_storage_infrastructure_encryption as check
import data.annexa.lib.testing

account(attrs, configured) := object.union(testing.resource("azurerm_storage_account", "a", attrs), {"configured": configured})

test_pass_enabled if {
	facts := testing.facts([account({"account_kind": "StorageV2", "infrastructure_encryption_enabled": true}, ["infrastructure_encryption_enabled"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_storage_account.a"} with data.facts as facts
}

test_fail_left_out if {
	count(check.deny) == 1 with data.facts as testing.facts([account({"account_kind": "StorageV2"}, ["name"])])
}

test_fail_false if {
	count(check.deny) == 1 with data.facts as testing.facts([account({"infrastructure_encryption_enabled": false}, ["infrastructure_encryption_enabled"])])
}

test_pass_unsupported_kind_not_judged if {
	facts := testing.facts([account({"account_kind": "BlobStorage"}, ["account_kind"])])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}
