# METADATA
# title: Cloud Storage buckets use uniform bucket-level access
# description: |
#   Access to a Cloud Storage bucket and its objects is decided by bucket
#   IAM alone: uniform_bucket_level_access is true, which switches object
#   and bucket ACLs off (CIS GCP 3.0.0 5.2). false is a finding, and so is
#   leaving the argument out: the provider computes it, and Cloud Storage
#   creates the bucket with fine-grained ACLs unless an organization policy
#   (constraints/storage.uniformBucketLevelAccess) enforces uniform access,
#   which a plan cannot show. A value known only after apply is not judged.
# custom:
#   controls: ["8.3"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_storage_bucket"]
#   remediation: |
#     Set uniform_bucket_level_access = true on the bucket (and
#     public_access_prevention = "enforced"), move any ACL grants to bucket
#     IAM, and enforce constraints/storage.uniformBucketLevelAccess for the
#     organization.
package annexa.controls.c8_3.gcp_storage_uniform_access

import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("google_storage_bucket")
	tf.explicitly_false(b, "uniform_bucket_level_access")
	finding := {
		"msg": sprintf("bucket %s has uniform bucket-level access off, so object and bucket ACLs can grant access", [tf.display_name(b)]),
		"resource": b.id,
	}
}

deny contains finding if {
	some b in tf.resources("google_storage_bucket")
	left_out(b)
	finding := {
		"msg": sprintf("bucket %s leaves uniform_bucket_level_access out, so Cloud Storage creates it with fine-grained ACLs", [tf.display_name(b)]),
		"resource": b.id,
	}
}

left_out(b) if {
	tf.omitted(b, "uniform_bucket_level_access")
	not is_boolean(object.get(b.attributes, "uniform_bucket_level_access", null))
}

# judged are the buckets whose setting is known or left out.
judged contains b.id if {
	some b in tf.resources("google_storage_bucket")
	is_boolean(b.attributes.uniform_bucket_level_access)
}

judged contains b.id if {
	some b in tf.resources("google_storage_bucket")
	left_out(b)
}
