# METADATA
# title: CloudTrail logs are encrypted with a KMS key
# description: |
#   A CloudTrail trail encrypts its log files with a customer-managed KMS
#   key (kms_key_id), so that reading them needs both S3 and KMS
#   permissions (CIS AWS Foundations 3.0.0 3.5). Left out, kms_key_id is
#   empty and the files get only the bucket's default server-side
#   encryption. A key only known after apply, or taken from another
#   resource (an aws_kms_key's arn), counts as set: the trail is judged
#   either way.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_cloudtrail"]
#   remediation: |
#     Create an aws_kms_key whose key policy lets cloudtrail.amazonaws.com
#     encrypt, and set kms_key_id on the trail to its ARN.
package annexa.controls.c8_24.aws_cloudtrail_kms

import data.annexa.lib.tf

deny contains finding if {
	some t in tf.resources("aws_cloudtrail")
	not tf.configured(t, "kms_key_id")
	finding := {
		"msg": sprintf("CloudTrail trail %s does not encrypt its log files with a KMS key (kms_key_id is not set)", [tf.display_name(t)]),
		"resource": t.id,
	}
}

# judged are the trails: each either sets a key (a value, a reference or
# a value only known after apply) or leaves it out.
judged := tf.ids(["aws_cloudtrail"])
