# METADATA
# title: Cloud Storage buckets can recover deleted objects
# description: |
#   A deleted or overwritten object can be recovered from a Cloud Storage
#   bucket: object versioning is on (versioning.enabled), or soft delete
#   keeps deleted objects for its retention period. Since March 2024 new
#   buckets soft-delete for 7 days by default, so only a bucket with
#   versioning off and soft delete explicitly disabled
#   (soft_delete_policy.retention_duration_seconds = 0) fails.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_storage_bucket"]
#   remediation: |
#     Remove soft_delete_policy { retention_duration_seconds = 0 } (7 days is
#     the default; up to 90 days can be set), or turn on versioning {
#     enabled = true } with a lifecycle rule that deletes old versions.
package annexa.controls.c8_13.gcp_storage_deletion

import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("google_storage_bucket")
	not versioned(b)
	some p in b.attributes.soft_delete_policy
	p.retention_duration_seconds == 0
	finding := {
		"msg": "Cloud Storage bucket cannot recover deleted objects: versioning is off and soft delete is disabled",
		"resource": b.id,
	}
}

versioned(b) if {
	some v in b.attributes.versioning
	v.enabled == true
}

# judged are the buckets that are versioned or whose soft delete policy is
# known, or left out: the service then keeps deleted objects for 7 days.
judged contains b.id if {
	some b in tf.resources("google_storage_bucket")
	decided(b)
}

decided(b) if versioned(b)

decided(b) if tf.omitted(b, "soft_delete_policy")

decided(b) if {
	some p in b.attributes.soft_delete_policy
	is_number(p.retention_duration_seconds)
}
