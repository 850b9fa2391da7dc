# METADATA
# title: Azure storage accounts keep deleted blobs and containers for 7 days
# description: |
#   Storage accounts that hold blobs protect them against deletion: blob
#   soft delete (blob_properties.delete_retention_policy) and container
#   soft delete (blob_properties.container_delete_retention_policy) are on
#   and keep what was deleted for at least 7 days. An account whose
#   blob_properties are only known after apply is not judged; FileStorage
#   accounts hold no blobs.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:azurerm_storage_account"]
#   parameters: ["azure_storage_soft_delete_days"]
#   remediation: |
#     Add blob_properties { delete_retention_policy { days = 7 }
#     container_delete_retention_policy { days = 7 } } (more days where the
#     backup policy asks for it), and versioning_enabled = true for data
#     that is overwritten.
package annexa.controls.c8_13.azure_storage_soft_delete

import data.annexa.lib.params
import data.annexa.lib.tf

min_days := params.value("azure_storage_soft_delete_days")

deny contains finding if {
	some a in tf.resources("azurerm_storage_account")
	holds_blobs(a)
	problems := weaknesses(a)
	count(problems) > 0
	finding := {
		"msg": sprintf("storage account %s", [concat(" and ", problems)]),
		"resource": a.id,
	}
}

weaknesses(a) := ["has blob and container soft delete off"] if {
	a.attributes.blob_properties == []
} else := ["leaves blob_properties out, so blob and container soft delete are off"] if {
	# Left out, blob_properties is Azure's to decide (unknown in a plan),
	# and Azure keeps no deleted blobs or containers.
	tf.omitted(a, "blob_properties")
	not is_array(object.get(a.attributes, "blob_properties", null))
} else := [msg |
	some p in a.attributes.blob_properties
	some kind in ["blob", "container"]
	some msg in policy_problem(p, kind)
]

policy_field := {"blob": "delete_retention_policy", "container": "container_delete_retention_policy"}

# A retention policy block left out of blob_properties is soft delete off;
# its days left out are the provider's default, 7.
policy_problem(p, kind) := {sprintf("has %s soft delete off", [kind])} if {
	object.get(p, policy_field[kind], []) in {[], null}
} else := {sprintf("keeps deleted %ss for %d day(s), fewer than %d", [kind, days, min_days]) |
	some r in p[policy_field[kind]]
	days := r.days
	is_number(days)
	days < min_days
}

holds_blobs(a) if not a.attributes.account_kind == "FileStorage"

# judged are the accounts holding blobs whose blob properties are known or
# left out to Azure's default.
judged contains a.id if {
	some a in tf.resources("azurerm_storage_account")
	holds_blobs(a)
	decided(a)
}

decided(a) if is_array(a.attributes.blob_properties)

decided(a) if {
	tf.omitted(a, "blob_properties")
	not is_array(object.get(a.attributes, "blob_properties", null))
}
