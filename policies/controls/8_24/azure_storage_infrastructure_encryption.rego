# METADATA
# title: Azure storage accounts encrypt data twice (infrastructure encryption)
# description: |
#   A storage account that supports it has infrastructure encryption on
#   (infrastructure_encryption_enabled = true), so data is encrypted at the
#   infrastructure layer as well as by the storage service, with a second
#   key and algorithm. The argument defaults to false and can only be set
#   when the account is created, so leaving it out is a finding. Only
#   StorageV2 accounts (the default kind) and Premium BlockBlobStorage or
#   FileStorage accounts support it; other accounts are not judged. CIS
#   Microsoft Azure Foundations 3.0.0 4.2 (a Level 2 recommendation, hence
#   the low severity).
# custom:
#   controls: ["8.24"]
#   severity: low
#   coverage: partial
#   inputs: ["resource:azurerm_storage_account"]
#   remediation: |
#     Create the account with infrastructure_encryption_enabled = true (the
#     setting forces a new account: migrate the data with AzCopy or object
#     replication).
package annexa.controls.c8_24.azure_storage_infrastructure_encryption

import data.annexa.lib.azure
import data.annexa.lib.tf

deny contains finding if {
	some a in tf.resources("azurerm_storage_account")
	supported(a)
	azure.setting(a, "infrastructure_encryption_enabled", false) == false
	finding := {
		"msg": sprintf("storage account %s has infrastructure encryption off%s", [tf.display_name(a), note(a)]),
		"resource": a.id,
	}
}

note(a) := " (infrastructure_encryption_enabled is left out; the default is false)" if {
	tf.omitted(a, "infrastructure_encryption_enabled")
} else := ""

supported(a) if azure.setting(a, "account_kind", "StorageV2") == "StorageV2"

supported(a) if {
	azure.setting(a, "account_kind", "StorageV2") in {"BlockBlobStorage", "FileStorage"}
	a.attributes.account_tier == "Premium"
}

# judged are the accounts that support infrastructure encryption and whose
# setting is known or left to the default.
judged contains a.id if {
	some a in tf.resources("azurerm_storage_account")
	supported(a)
	is_boolean(azure.setting(a, "infrastructure_encryption_enabled", false))
}
