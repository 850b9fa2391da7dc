# METADATA
# title: CloudWatch log groups delete events when their retention ends
# description: |
#   Every aws_cloudwatch_log_group sets a retention period
#   (retention_in_days). Left at 0, the provider's default, events never
#   expire: logs, and the personal data and secrets that slip into them, are
#   kept for ever instead of being deleted when the retention schedule says.
# custom:
#   controls: ["8.10"]
#   severity: low
#   coverage: partial
#   inputs: ["resource:aws_cloudwatch_log_group"]
#   remediation: |
#     Set retention_in_days to the period the retention schedule gives for
#     the log (for example 365 for security logs, 30 for debug logs).
package annexa.controls.c8_10.aws_log_retention

import data.annexa.lib.tf

deny contains finding if {
	some g in tf.resources("aws_cloudwatch_log_group")
	retention(g) == 0
	finding := {
		"msg": "CloudWatch log group keeps its events forever (retention_in_days is 0, never expire)",
		"resource": g.id,
	}
}

# retention is the log group's retention_in_days. Left out of the
# configuration it is the provider's default, 0: a plan shows the 0,
# Terraform source leaves the attribute out.
retention(g) := days if {
	not tf.is_unknown(g, "retention_in_days")
	days := object.get(g.attributes, "retention_in_days", 0)
	days != null
} else := 0 if {
	# null: the provider's default 0 (never expire) applies.
	not tf.is_unknown(g, "retention_in_days")
	object.get(g.attributes, "retention_in_days", 0) == null
}

# judged are the log groups whose retention is known (or left out: never
# expire).
judged contains g.id if {
	some g in tf.resources("aws_cloudwatch_log_group")
	retention(g)
}
