# METADATA
# title: Cloud KMS keys rotate at least every 90 days
# description: |
#   Symmetric Cloud KMS keys (purpose ENCRYPT_DECRYPT, the default) must
#   rotate automatically, with a rotation_period of at most 90 days
#   (7776000s), so that little data is encrypted under any one key version.
#   A key with no rotation_period, or a longer one, is a finding.
#   Asymmetric and MAC keys, and import-only keys, cannot rotate
#   automatically and are not judged; an unknown period is not judged.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_kms_crypto_key"]
#   remediation: Set rotation_period = "7776000s" (90 days) or shorter on the key.
package annexa.controls.c8_24.gcp_kms_rotation

import data.annexa.lib.tf

# max_seconds is the longest rotation period allowed: 90 days.
max_seconds := 7776000

deny contains finding if {
	some k in symmetric_keys
	not tf.is_unknown(k, "rotation_period")
	not has_period(k)
	finding := {
		"msg": sprintf("KMS key %s does not rotate automatically (no rotation_period)", [tf.display_name(k)]),
		"resource": k.id,
	}
}

deny contains finding if {
	some k in symmetric_keys
	s := seconds(k.attributes.rotation_period)
	s > max_seconds
	finding := {
		"msg": sprintf("KMS key %s rotates every %d days; at most 90 days is allowed", [tf.display_name(k), floor(s / 86400)]),
		"resource": k.id,
		"details": {"rotation_period": k.attributes.rotation_period},
	}
}

symmetric_keys contains k if {
	some k in tf.resources("google_kms_crypto_key")
	object.get(k.attributes, "purpose", "ENCRYPT_DECRYPT") in {"ENCRYPT_DECRYPT", null}
	not k.attributes.import_only == true
}

has_period(k) if seconds(k.attributes.rotation_period)

has_period(k) if count(object.get(k, ["references", "rotation_period"], [])) > 0

# seconds parses a duration in seconds as Google writes it: "7776000s",
# "100000.5s".
seconds(d) := to_number(trim_suffix(d, "s")) if {
	is_string(d)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, d)
}

# judged are the symmetric keys (import-only ones aside) whose rotation
# period is not unknown.
judged contains k.id if {
	some k in symmetric_keys
	not tf.is_unknown(k, "rotation_period")
}
