# METADATA
# title: S3 buckets name an owner
# description: An inventoried asset has an owner; the owner tag records who it is.
# custom:
#   controls: ["5.9"]
#   severity: low
#   coverage: supporting
#   inputs: ["resource:aws_s3_bucket"]
#   remediation: Add tags = { owner = "<team>" } to the bucket.
package annexa.controls.c5_9.example_owner_tag

import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	not b.attributes.tags.owner
	not tf.is_unknown(b, "tags")
	finding := {"msg": "S3 bucket has no owner tag", "resource": b.id}
}

# judged are the buckets whose tags are known: an owner tag can only be
# missing from those.
judged contains b.id if {
	some b in tf.resources("aws_s3_bucket")
	not tf.is_unknown(b, "tags")
}
