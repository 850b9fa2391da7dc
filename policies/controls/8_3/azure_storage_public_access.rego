# METADATA
# title: Azure storage does not serve blobs to anonymous readers
# description: |
#   A storage account forbids anonymous (public) read access to its blobs
#   and containers: allow_nested_items_to_be_public (azurerm v3 and v4;
#   allow_blob_public_access in v2) is false. Left out, the argument takes
#   the provider's default, true since azurerm 3.0 (Azure's own API default
#   is false, which v3 and v4 do not follow), so an omission is a finding.
#   A container (azurerm_storage_container) is anonymous-readable when its
#   container_access_type is "blob" or "container" (the default is
#   "private"), unless its account, linked through storage_account_id (v4)
#   or storage_account_name (v3), forbids public access. Values only known
#   after apply are not judged. CIS Microsoft Azure Foundations 3.0.0 4.17.
# custom:
#   controls: ["8.3"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_storage_account
#     - resource:azurerm_storage_container
#   remediation: |
#     Set allow_nested_items_to_be_public = false on the storage account and
#     keep container_access_type = "private"; share single blobs with
#     short-lived SAS tokens or through a CDN with authentication instead.
package annexa.controls.c8_3.azure_storage_public_access

import data.annexa.lib.azure
import data.annexa.lib.tf

nested_public := ["allow_nested_items_to_be_public", "allow_blob_public_access"]

deny contains finding if {
	some a in tf.resources("azurerm_storage_account")
	allows_public(a) == true
	finding := {
		"msg": sprintf("storage account %s lets containers and blobs be made public to anonymous readers%s", [tf.display_name(a), omission_note(a)]),
		"resource": a.id,
	}
}

deny contains finding if {
	some c in tf.resources("azurerm_storage_container")
	level := access_type(c)
	level in {"blob", "container"}
	not in_private_account(c)
	finding := {
		"msg": sprintf("storage container %s is readable by anyone on the internet (container_access_type = %q)", [tf.display_name(c), level]),
		"resource": c.id,
		"details": {"container_access_type": level},
	}
}

# allows_public is the account's nested-items setting, v4 spelling first,
# else the azurerm 3+ default (true) when both spellings are left out.
allows_public(a) := azure.setting_any(a, nested_public, true)

omission_note(a) := " (allow_nested_items_to_be_public is left out; the provider default is true)" if {
	every name in nested_public {
		tf.omitted(a, name)
	}
} else := ""

access_type(c) := lower(azure.setting(c, "container_access_type", "private"))

# private_accounts are the keys (address, id, name) of the accounts that
# forbid public access, collected once.
private_accounts contains k if {
	some a in tf.resources("azurerm_storage_account")
	allows_public(a) == false
	some k in (tf.identities(a) | {n | n := a.attributes.name; is_string(n)})
}

in_private_account(c) if {
	some attr in ["storage_account_id", "storage_account_name"]
	some p in tf.pointers(c, attr)
	p in private_accounts
}

# judged are the accounts whose public-access setting is known or left to
# the provider's default, and the containers whose access type is.
judged contains a.id if {
	some a in tf.resources("azurerm_storage_account")
	is_boolean(allows_public(a))
}

judged contains c.id if {
	some c in tf.resources("azurerm_storage_container")
	is_string(azure.setting(c, "container_access_type", "private"))
}
