# METADATA
# title: Azure Key Vault keys rotate automatically
# description: |
#   Keys in Azure Key Vault and Managed HSM must carry a rotation_policy with
#   an automatic block (time_after_creation or time_before_expiry), so that
#   Key Vault creates new key versions on a schedule instead of relying on
#   someone to remember. A key whose rotation_policy is known to be absent,
#   or has no automatic rotation, is a finding; an unknown policy is not
#   judged.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_key_vault_key
#     - resource:azurerm_key_vault_managed_hardware_security_module_key
#   remediation: |
#     Add rotation_policy { expire_after = "P400D", notify_before_expiry =
#     "P30D", automatic { time_after_creation = "P365D" } } (or a shorter
#     period where the cryptography policy asks for one).
package annexa.controls.c8_24.azure_key_rotation

import data.annexa.lib.tf

deny contains finding if {
	some t in ["azurerm_key_vault_key", "azurerm_key_vault_managed_hardware_security_module_key"]
	some k in tf.resources(t)
	not tf.is_unknown(k, "rotation_policy")
	not automatic(k)
	finding := {
		"msg": sprintf("key %s has no automatic rotation (rotation_policy.automatic)", [tf.display_name(k)]),
		"resource": k.id,
	}
}

automatic(k) if {
	some p in k.attributes.rotation_policy
	count(p.automatic) > 0
}

# A rotation policy that is only partly known is given the benefit of the
# doubt.
automatic(k) if {
	some path in object.get(k, "unknown", [])
	startswith(path, "rotation_policy.")
}

# judged are the keys whose rotation policy is known.
judged contains k.id if {
	some t in ["azurerm_key_vault_key", "azurerm_key_vault_managed_hardware_security_module_key"]
	some k in tf.resources(t)
	not tf.is_unknown(k, "rotation_policy")
}
