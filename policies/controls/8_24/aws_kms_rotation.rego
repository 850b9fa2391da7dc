# METADATA
# title: KMS keys rotate automatically
# description: |
#   Symmetric customer-managed KMS keys must have automatic rotation enabled,
#   so that key material is renewed on a schedule. Asymmetric and HMAC keys
#   cannot rotate automatically and are not judged here.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_kms_key"]
#   remediation: Set enable_key_rotation = true (and rotation_period_in_days if a period other than 365 days is required).
package annexa.controls.c8_24.aws_kms_rotation

import data.annexa.lib.tf

deny contains finding if {
	some k in tf.resources("aws_kms_key")
	object.get(k.attributes, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(k.attributes, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	tf.explicitly_false(k, "enable_key_rotation")
	finding := {"msg": "KMS key does not rotate automatically", "resource": k.id}
}

# judged are the symmetric encryption keys whose rotation setting is
# known; AWS rotates no other key.
judged contains k.id if {
	some k in tf.resources("aws_kms_key")
	object.get(k.attributes, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(k.attributes, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	is_boolean(k.attributes.enable_key_rotation)
}
