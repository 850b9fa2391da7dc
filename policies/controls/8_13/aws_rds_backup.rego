# METADATA
# title: RDS automated backups are kept for at least 7 days
# description: |
#   RDS DB instances and clusters keep automated backups long enough to
#   restore from an incident noticed days later. A retention of 0 disables
#   automated backups altogether.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_db_instance
#     - resource:aws_rds_cluster
#   remediation: Set backup_retention_period to 7 or more (35 is the maximum).
package annexa.controls.c8_13.aws_rds_backup

import data.annexa.lib.aws
import data.annexa.lib.tf

min_retention_days := 7

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in tf.resources(t)
	days := db.attributes.backup_retention_period
	is_number(days)
	days < min_retention_days
	not aws.rds_replica(db)
	finding := {
		"msg": sprintf("automated backups are kept for %d day(s), fewer than %d", [days, min_retention_days]),
		"resource": db.id,
		"details": {"backup_retention_period": days},
	}
}

# A DB instance that leaves backup_retention_period out gets the provider's
# choice, unknown in a plan; the provider documents it as 0, no automated
# backups at all.
deny contains finding if {
	some db in tf.resources("aws_db_instance")
	tf.omitted(db, "backup_retention_period")
	not is_number(object.get(db.attributes, "backup_retention_period", null))
	not aws.rds_replica(db)
	finding := {
		"msg": sprintf("backup_retention_period is left out, so AWS keeps no automated backups (the provider's default is 0 days, fewer than %d)", [min_retention_days]),
		"resource": db.id,
		"details": {"backup_retention_period": "left out"},
	}
}

# judged are the DB instances and clusters, replicas aside, whose backup
# retention is known, or left out to the provider's default.
judged contains db.id if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in tf.resources(t)
	is_number(db.attributes.backup_retention_period)
	not aws.rds_replica(db)
}

judged contains db.id if {
	some db in tf.resources("aws_db_instance")
	tf.omitted(db, "backup_retention_period")
	not is_number(object.get(db.attributes, "backup_retention_period", null))
	not aws.rds_replica(db)
}
