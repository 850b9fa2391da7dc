# METADATA
# title: Cloud KMS keys rotate automatically, at least every 90 days
# description: |
#   Symmetric Cloud KMS keys (purpose ENCRYPT_DECRYPT, the default) must
#   rotate automatically, with a rotation_period of at most
#   gcp_kms_rotation_max_days days (90, 7776000s, by default; CIS GCP 3.0.0
#   1.10), so that little data is encrypted under any one key version. A
#   key with no rotation_period (left out, the provider plans none and the
#   key never rotates), or a longer one, is a finding.
#   Asymmetric and MAC keys, and import-only keys, cannot rotate
#   automatically and are not judged; an unknown period is not judged.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_kms_crypto_key"]
#   parameters: ["gcp_kms_rotation_max_days"]
#   remediation: Set rotation_period = "7776000s" (90 days) or shorter on the key.
package annexa.controls.c8_24.gcp_kms_rotation

import data.annexa.lib.params
import data.annexa.lib.tf

# max_days is the longest rotation period allowed, in days.
max_days := params.value("gcp_kms_rotation_max_days")

max_seconds := max_days * 86400

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
		"msg": sprintf("KMS key %s rotates every %d days; at most %d days is allowed", [tf.display_name(k), floor(s / 86400), max_days]),
		"resource": k.id,
		"details": {"rotation_period": k.attributes.rotation_period},
	}
}

symmetric_keys contains k if {
	some k in tf.resources("google_kms_crypto_key")
	object.get(k.attributes, "purpose", "ENCRYPT_DECRYPT") in {"ENCRYPT_DECRYPT", null}
	not object.get(k.attributes, "import_only", false) == true
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
