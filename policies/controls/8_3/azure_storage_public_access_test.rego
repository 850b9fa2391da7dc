package annexa.controls.c8_3.azure_storage_public_access_test

import data.annexa.controls.c8_3.azure_storage_public_access as check
import data.annexa.lib.testing

account(attrs, configured) := object.union(testing.resource("azurerm_storage_account", "a", object.union({"name": "sa"}, attrs)), {"configured": configured})

test_pass_public_access_off if {
	facts := testing.facts([account({"allow_nested_items_to_be_public": false}, ["allow_nested_items_to_be_public"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_storage_account.a"} with data.facts as facts
}

test_fail_public_access_left_out if {
	facts := testing.facts([account({}, ["name"])])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	contains(f.msg, "left out")
}

test_fail_v2_spelling_true if {
	facts := testing.facts([account({"allow_blob_public_access": true}, ["allow_blob_public_access"])])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_unknown_not_judged if {
	a := object.union(account({}, ["allow_nested_items_to_be_public"]), {"unknown": ["allow_nested_items_to_be_public"]})
	count(check.deny) == 0 with data.facts as testing.facts([a])
	count(check.judged) == 0 with data.facts as testing.facts([a])
}

container(access, refs) := testing.with_refs(
	testing.resource("azurerm_storage_container", "c", {"name": "c", "container_access_type": access, "storage_account_name": "sa"}),
	refs,
)

test_fail_public_container_in_open_account if {
	facts := testing.facts([
		account({"allow_nested_items_to_be_public": true}, ["allow_nested_items_to_be_public"]),
		container("blob", {"storage_account_name": ["azurerm_storage_account.a"]}),
	])
	count(check.deny) == 2 with data.facts as facts
}

test_pass_public_container_in_private_account if {
	facts := testing.facts([
		account({"allow_nested_items_to_be_public": false}, ["allow_nested_items_to_be_public"]),
		container("container", {"storage_account_name": ["azurerm_storage_account.a"]}),
	])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_storage_account.a", "azurerm_storage_container.c"} with data.facts as facts
}
