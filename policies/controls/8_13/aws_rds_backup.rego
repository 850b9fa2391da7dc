# METADATA
# title: RDS automated backups are kept long enough
# description: |
#   RDS DB instances and clusters keep automated backups long enough to
#   restore from an incident noticed days later: at least
#   aws_rds_backup_retention_days (7). A retention of 0 disables automated
#   backups altogether. Left out, a DB instance keeps none (the provider
#   plans it as computed, AWS's default is 0 for the API and the
#   provider's) and a cluster keeps 1 day (the provider's default).
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_db_instance
#     - resource:aws_rds_cluster
#   remediation: Set backup_retention_period to 7 or more (35 is the maximum).
#   parameters: ["aws_rds_backup_retention_days"]
package annexa.controls.c8_13.aws_rds_backup

import data.annexa.lib.aws
import data.annexa.lib.params
import data.annexa.lib.tf

min_retention_days := params.value("aws_rds_backup_retention_days")

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in tf.resources(t)
	days := object.get(db.attributes, "backup_retention_period", null)
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
