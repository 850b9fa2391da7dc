# METADATA
# title: Azure key vaults can be recovered after deletion
# description: |
#   A key vault (or Managed HSM) keeps deleted keys, secrets and
#   certificates recoverable: purge protection is on
#   (purge_protection_enabled = true), so nobody can purge a deleted vault
#   or object before its retention period ends, and soft delete is not
#   switched off (soft_delete_enabled = false is possible in azurerm v2
#   only). purge_protection_enabled defaults to false, so leaving it out is
#   a finding. Settings only known after apply are not judged. CIS
#   Microsoft Azure Foundations 3.0.0 3.3.5.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_key_vault
#     - resource:azurerm_key_vault_managed_hardware_security_module
#   remediation: |
#     Set purge_protection_enabled = true (it cannot be switched off again)
#     and keep soft_delete_retention_days at 7 to 90 days (90 by default).
package annexa.controls.c8_24.azure_key_vault_recovery

import data.annexa.lib.azure
import data.annexa.lib.tf

label := {
	"azurerm_key_vault": "key vault",
	"azurerm_key_vault_managed_hardware_security_module": "Managed HSM",
}

deny contains finding if {
	some t, name in label
	some v in tf.resources(t)
	problems := array.concat(
		["has soft delete off (soft_delete_enabled = false)" | tf.explicitly_false(v, "soft_delete_enabled")],
		[msg | azure.setting(v, "purge_protection_enabled", false) == false; msg := purge_msg(v)],
	)
	count(problems) > 0
	finding := {
		"msg": sprintf("%s %s %s", [name, tf.display_name(v), concat(" and ", sort(problems))]),
		"resource": v.id,
	}
}

purge_msg(v) := "leaves purge protection out (the default is off), so deleted keys and secrets can be purged at once" if {
	tf.omitted(v, "purge_protection_enabled")
} else := "has purge protection off, so deleted keys and secrets can be purged at once"

# judged are the vaults whose purge protection is known or left to the
# default.
judged contains v.id if {
	some t, _ in label
	some v in tf.resources(t)
	is_boolean(azure.setting(v, "purge_protection_enabled", false))
}
