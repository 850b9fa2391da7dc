# METADATA
# title: RDS DB instances run in more than one availability zone
# description: |
#   A Multi-AZ RDS instance keeps a synchronous standby in another zone and
#   fails over to it, so one zone's outage does not take the database down.
#   Aurora clusters replicate storage across zones by design and are not
#   judged here.
# custom:
#   controls: ["8.14"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_db_instance"]
#   remediation: Set multi_az = true on production DB instances.
package annexa.controls.c8_14.aws_rds_multi_az

import data.annexa.lib.aws
import data.annexa.lib.tf

deny contains finding if {
	some db in tf.resources("aws_db_instance")
	single_az(db)
	not aws.rds_replica(db)
	finding := {"msg": "RDS DB instance is not Multi-AZ", "resource": db.id}
}

single_az(db) if tf.explicitly_false(db, "multi_az")

# Left out, multi_az is the provider's to decide (unknown in a plan), and
# AWS creates a single-AZ instance.
single_az(db) if {
	tf.omitted(db, "multi_az")
	not is_boolean(object.get(db.attributes, "multi_az", null))
}

# judged are the DB instances, replicas aside, whose multi_az is known or
# left out to AWS's default.
judged contains db.id if {
	some db in tf.resources("aws_db_instance")
	not aws.rds_replica(db)
	decided(db)
}

decided(db) if is_boolean(db.attributes.multi_az)

decided(db) if single_az(db)
