# METADATA
# title: DynamoDB tables are encrypted with a KMS key
# description: |
#   DynamoDB always encrypts at rest, but by default with a key owned by AWS
#   that the organisation cannot audit, rotate or revoke. Tables holding
#   business data must use a KMS key (server_side_encryption enabled, with a
#   customer-managed kms_key_arn where key control is required).
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_dynamodb_table"]
#   remediation: |
#     Add server_side_encryption { enabled = true, kms_key_arn = <customer
#     managed key ARN> } to the table.
package annexa.controls.c8_24.aws_dynamodb

import data.annexa.lib.tf

deny contains finding if {
	some t in tf.resources("aws_dynamodb_table")
	decided(t)
	not kms_encrypted(t)
	finding := {
		"msg": "DynamoDB table is encrypted only with the AWS owned key, not a KMS key",
		"resource": t.id,
	}
}

# decided is true when the table's encryption setting is known, or left
# out: then it is the provider's to decide (unknown in a plan), and AWS
# encrypts with the AWS owned key.
decided(t) if not tf.is_unknown(t, "server_side_encryption")

decided(t) if tf.omitted(t, "server_side_encryption")

kms_encrypted(t) if {
	some sse in t.attributes.server_side_encryption
	sse.enabled != false
}

# judged are the tables whose encryption setting is decided.
judged contains t.id if {
	some t in tf.resources("aws_dynamodb_table")
	decided(t)
}
