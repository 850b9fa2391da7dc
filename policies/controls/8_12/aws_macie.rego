# METADATA
# title: Amazon Macie keeps discovering sensitive data
# description: |
#   An aws_macie2_account is not paused (status PAUSED stops every
#   classification job and the automated discovery of sensitive data in S3),
#   so personal and payment data that lands in an unexpected bucket is still
#   found. Whether Macie is enabled at all in an account this plan does not
#   manage is not visible here.
# custom:
#   controls: ["8.12"]
#   severity: medium
#   coverage: supporting
#   inputs: ["resource:aws_macie2_account"]
#   remediation: Set status = "ENABLED" on the aws_macie2_account.
package annexa.controls.c8_12.aws_macie

import data.annexa.lib.tf

deny contains finding if {
	some m in tf.resources("aws_macie2_account")
	m.attributes.status == "PAUSED"
	finding := {"msg": "Amazon Macie is paused: no sensitive data discovery runs", "resource": m.id}
}

# judged are the Macie accounts whose status is known.
judged contains m.id if {
	some m in tf.resources("aws_macie2_account")
	is_string(m.attributes.status)
}
