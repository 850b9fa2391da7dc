# METADATA
# title: KMS keys rotate automatically
# description: |
#   Symmetric customer-managed KMS keys must have automatic rotation enabled,
#   so that key material is renewed on a schedule. Asymmetric and HMAC keys
#   cannot rotate automatically and are not judged here (CIS AWS
#   Foundations 3.0.0 3.6). Left out, enable_key_rotation is false (the
#   provider's default). A rotation period (rotation_period_in_days) longer
#   than aws_kms_rotation_max_days (365) is a finding too; left out it is
#   365 days.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_kms_key"]
#   remediation: Set enable_key_rotation = true (and rotation_period_in_days if a period other than 365 days is required).
#   parameters: ["aws_kms_rotation_max_days"]
package annexa.controls.c8_24.aws_kms_rotation

import data.annexa.lib.params
import data.annexa.lib.tf

deny contains finding if {
	some k in tf.resources("aws_kms_key")
	object.get(k.attributes, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(k.attributes, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	tf.explicitly_false(k, "enable_key_rotation")
	finding := {"msg": "KMS key does not rotate automatically", "resource": k.id}
}

deny contains finding if {
	some k in tf.resources("aws_kms_key")
	k.attributes.enable_key_rotation == true
	days := object.get(k.attributes, "rotation_period_in_days", null)
	is_number(days)
	days > params.value("aws_kms_rotation_max_days")
	finding := {
		"msg": sprintf("KMS key rotates only every %d days, more than %d", [days, params.value("aws_kms_rotation_max_days")]),
		"resource": k.id,
		"details": {"rotation_period_in_days": days},
	}
}

# judged are the symmetric encryption keys whose rotation setting is
# known; AWS rotates no other key.
judged contains k.id if {
	some k in tf.resources("aws_kms_key")
	object.get(k.attributes, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(k.attributes, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	is_boolean(k.attributes.enable_key_rotation)
}
