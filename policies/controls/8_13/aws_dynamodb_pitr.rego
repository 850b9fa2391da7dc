# METADATA
# title: DynamoDB tables have point-in-time recovery
# description: |
#   Point-in-time recovery lets a table be restored to any second of the last
#   35 days, the backup that covers accidental writes and deletes.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_dynamodb_table"]
#   remediation: Add point_in_time_recovery { enabled = true } to the table.
package annexa.controls.c8_13.aws_dynamodb_pitr

import data.annexa.lib.tf

deny contains finding if {
	some t in tf.resources("aws_dynamodb_table")
	decided(t)
	not pitr_enabled(t)
	finding := {"msg": "DynamoDB table has point-in-time recovery off", "resource": t.id}
}

# decided is true when the table's recovery setting is known, or left out:
# then it is the provider's to decide (unknown in a plan), and AWS leaves
# point-in-time recovery off.
decided(t) if not tf.is_unknown(t, "point_in_time_recovery")

decided(t) if tf.omitted(t, "point_in_time_recovery")

pitr_enabled(t) if {
	some p in t.attributes.point_in_time_recovery
	p.enabled != false
}

# judged are the tables whose recovery setting is decided.
judged contains t.id if {
	some t in tf.resources("aws_dynamodb_table")
	decided(t)
}
