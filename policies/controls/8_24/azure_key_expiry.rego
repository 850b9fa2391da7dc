# METADATA
# title: Azure Key Vault keys and secrets have an expiry date
# description: |
#   Every azurerm_key_vault_key and azurerm_key_vault_secret carries an
#   expiration_date, so a key or credential that is forgotten stops working
#   instead of living on; a key whose rotation_policy sets expire_after
#   gets one with each version and passes too. expiration_date has no
#   default: leaving it out is a finding. An expiry written as an expression
#   known only after apply (timeadd(timestamp(), ...)) is an expiry. CIS
#   Microsoft Azure Foundations 3.0.0 3.3.1 to 3.3.4.
# custom:
#   controls: ["8.24", "5.17"]
#   coverage:
#     "8.24": partial
#     "5.17": supporting
#   severity: medium
#   inputs:
#     - resource:azurerm_key_vault_key
#     - resource:azurerm_key_vault_secret
#   remediation: |
#     Set expiration_date (for example timeadd(timestamp(), "8760h") with
#     ignore_changes) on keys and secrets, or a rotation_policy with
#     expire_after on keys, and rotate before the date.
package annexa.controls.c8_24.azure_key_expiry

import data.annexa.lib.tf
import data.annexa.lib.values

label := {"azurerm_key_vault_key": "key", "azurerm_key_vault_secret": "secret"}

deny contains finding if {
	some t, name in label
	some k in tf.resources(t)
	no_expiry(k)
	not rotation_expiry(k)
	finding := {
		"msg": sprintf("Key Vault %s %s has no expiration date", [name, tf.display_name(k)]),
		"resource": k.id,
	}
}

no_expiry(k) if {
	not tf.configured(k, "expiration_date")
	not tf.written(k, "expiration_date")
	is_null(object.get(k.attributes, "expiration_date", null))
	configuration_known(k)
}

# no_expiry also when written as null or "" (a variable left empty).
no_expiry(k) if {
	tf.written(k, "expiration_date")
	values.string_or_empty(object.get(k.attributes, "expiration_date", "")) == ""
	not tf.configured(k, "expiration_date")
}

# configuration_known: the fact says what was configured, or holds the
# attribute (a cloud snapshot), so an absent value means none was set.
configuration_known(k) if is_array(k.configured)

rotation_expiry(k) if {
	some p in values.array_or_empty(object.get(k.attributes, "rotation_policy", []))
	values.string_or_empty(object.get(p, "expire_after", "")) != ""
}

rotation_expiry(k) if tf.referenced(k, "rotation_policy.expire_after")

rotation_expiry(k) if tf.is_unknown(k, "rotation_policy.0.expire_after")

# judged are the keys and secrets whose expiry is set, left out or decided
# by their rotation policy.
judged contains k.id if {
	some t, _ in label
	some k in tf.resources(t)
	decided(k)
}

decided(k) if tf.configured(k, "expiration_date")

decided(k) if no_expiry(k)

decided(k) if rotation_expiry(k)
