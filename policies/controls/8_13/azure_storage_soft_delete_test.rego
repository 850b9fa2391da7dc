package annexa.controls.c8_13.azure_storage_soft_delete_test

import data.annexa.controls.c8_13.azure_storage_soft_delete as check
import data.annexa.lib.testing

account(props) := testing.resource("azurerm_storage_account", "documents", {"account_kind": "StorageV2", "blob_properties": props})

test_pass_soft_delete_thirty_days if {
	a := account([{
		"versioning_enabled": true,
		"delete_retention_policy": [{"days": 30, "permanent_delete_enabled": false}],
		"container_delete_retention_policy": [{"days": 7}],
	}])
	count(check.deny) == 0 with data.facts as testing.facts([a])
}

test_fail_no_blob_properties if {
	check.deny == {{
		"msg": "storage account has blob and container soft delete off",
		"resource": "azurerm_storage_account.documents",
	}} with data.facts as testing.facts([account([])])
}

test_fail_container_off_blob_short if {
	a := account([{
		"versioning_enabled": false,
		"delete_retention_policy": [{"days": 3}],
		"container_delete_retention_policy": [],
	}])
	findings := check.deny with data.facts as testing.facts([a])
	{f.msg | some f in findings} == {"storage account keeps deleted blobs for 3 day(s), fewer than 7 and has container soft delete off"}
}

test_pass_unknown_blob_properties_not_judged if {
	a := object.union(testing.resource("azurerm_storage_account", "documents", {"account_kind": "StorageV2"}), {"unknown": ["blob_properties"]})
	count(check.deny) == 0 with data.facts as testing.facts([a])
}

test_pass_file_storage_not_judged if {
	a := testing.resource("azurerm_storage_account", "shares", {"account_kind": "FileStorage", "blob_properties": []})
	count(check.deny) == 0 with data.facts as testing.facts([a])
}

# blob_properties left out: unknown in a plan (or null), the provider's default
left_out_blob_properties := object.union(
	testing.resource("azurerm_storage_account", "omitted", {"name": "st", "account_kind": "StorageV2"}),
	{"configured": ["name"], "unknown": ["blob_properties"]},
)

test_fail_blob_properties_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_blob_properties])
	some f in findings
	contains(f.msg, "leaves blob_properties out")
}

test_pass_blob_properties_written_but_unknown if {
	written := object.union(left_out_blob_properties, {"configured": ["blob_properties", "name"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "leaves blob_properties out")
	}
}

test_pass_blob_properties_configuration_unsaid if {
	unsaid := object.remove(left_out_blob_properties, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "leaves blob_properties out")
	}
}

test_pass_judges_accounts_with_known_blob_properties if {
	check.judged == {"azurerm_storage_account.documents"} with data.facts as testing.facts([account([])])
	check.judged == {"azurerm_storage_account.omitted"} with data.facts as testing.facts([left_out_blob_properties])
}

test_pass_unknown_and_file_storage_not_judged if {
	u := object.union(testing.resource("azurerm_storage_account", "documents", {"account_kind": "StorageV2"}), {"unknown": ["blob_properties"]})
	f := testing.resource("azurerm_storage_account", "shares", {"account_kind": "FileStorage", "blob_properties": []})
	count(check.judged) == 0 with data.facts as testing.facts([u, f])
}

test_fail_blob_properties_without_retention_blocks if {
	a := object.union(testing.resource("azurerm_storage_account", "bare", {"blob_properties": [{"versioning_enabled": true}]}), {"configured": ["blob_properties"]})
	findings := data.annexa.controls.c8_13.azure_storage_soft_delete.deny with data.facts as data.annexa.lib.testing.facts([a])
	count(findings) == 1
	some f in findings
	f.msg == "storage account has blob soft delete off and has container soft delete off"
}
