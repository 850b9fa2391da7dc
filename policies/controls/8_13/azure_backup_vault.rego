# METADATA
# title: Azure Recovery Services vaults protect backups and keep them long enough
# description: |
#   A Recovery Services vault keeps soft delete on (soft_delete_enabled, the
#   default), so a deleted backup can be recovered for 14 days, and stores
#   its backups geo-redundantly (storage_mode_type GeoRedundant, the
#   default), so they survive the loss of the region. Virtual machine backup
#   policies keep daily recovery points for at least 7 days
#   (retention_daily.count; the parameter azure_vm_backup_daily_retention).
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_recovery_services_vault
#     - resource:azurerm_backup_policy_vm
#   parameters: ["azure_vm_backup_daily_retention"]
#   remediation: |
#     Keep soft_delete_enabled = true and storage_mode_type = "GeoRedundant"
#     on the vault (consider immutability = "Locked"), and set
#     retention_daily { count = 7 } or more on backup policies.
package annexa.controls.c8_13.azure_backup_vault

import data.annexa.lib.params
import data.annexa.lib.tf

min_daily := params.value("azure_vm_backup_daily_retention")

deny contains finding if {
	some v in tf.resources("azurerm_recovery_services_vault")
	problems := array.concat(
		["lets deleted backups be purged at once (soft_delete_enabled is false)" | tf.explicitly_false(v, "soft_delete_enabled")],
		[sprintf("keeps its backups in one region (storage_mode_type %s)", [m]) |
			m := v.attributes.storage_mode_type
			m in {"LocallyRedundant", "ZoneRedundant"}
		],
	)
	count(problems) > 0
	finding := {
		"msg": sprintf("Recovery Services vault %s", [concat(" and ", problems)]),
		"resource": v.id,
	}
}

deny contains finding if {
	some p in tf.resources("azurerm_backup_policy_vm")
	some r in p.attributes.retention_daily
	is_number(r.count)
	r.count < min_daily
	finding := {
		"msg": sprintf("VM backup policy keeps daily backups for %d day(s), fewer than %d", [r.count, min_daily]),
		"resource": p.id,
	}
}

# judged are the vaults whose soft delete or storage redundancy is known
# and the VM backup policies with a known daily retention.
judged contains v.id if {
	some v in tf.resources("azurerm_recovery_services_vault")
	decided(v)
}

judged contains p.id if {
	some p in tf.resources("azurerm_backup_policy_vm")
	some r in p.attributes.retention_daily
	is_number(r.count)
}

decided(v) if is_boolean(v.attributes.soft_delete_enabled)

decided(v) if is_string(v.attributes.storage_mode_type)
