# METADATA
# title: RDS databases have deletion protection
# description: |
#   RDS DB instances and Aurora/RDS clusters have deletion_protection on,
#   so that neither a mistaken `terraform destroy` nor a console click can
#   delete the database (and, with it, its automated backups) without first
#   turning the protection off (AWS Foundational Security Best Practices
#   RDS.7, RDS.8; not a CIS AWS Foundations recommendation). Left out, it
#   is false (the provider's default): a finding. Read replicas are not
#   judged; a value only known after apply is not judged.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_db_instance
#     - resource:aws_rds_cluster
#   remediation: Set deletion_protection = true on production databases.
package annexa.controls.c8_13.aws_rds_deletion_protection

import data.annexa.lib.aws
import data.annexa.lib.tf

types := ["aws_db_instance", "aws_rds_cluster"]

deny contains finding if {
	some t in types
	some db in tf.resources(t)
	not aws.rds_replica(db)
	off(db)
	finding := {
		"msg": sprintf("%s has no deletion protection (%s)", [label[t], why(db)]),
		"resource": db.id,
	}
}

label := {"aws_db_instance": "RDS DB instance", "aws_rds_cluster": "RDS cluster"}

why(db) := "deletion_protection is false" if tf.explicitly_false(db, "deletion_protection")

else := "deletion_protection is left out, so it is off"

off(db) if tf.explicitly_false(db, "deletion_protection")

off(db) if {
	tf.omitted(db, "deletion_protection")
	not is_boolean(object.get(db.attributes, "deletion_protection", null))
	not tf.is_unknown(db, "deletion_protection")
}

# judged are the databases, replicas aside, whose protection is known or
# left out.
judged contains db.id if {
	some t in types
	some db in tf.resources(t)
	not aws.rds_replica(db)
	decided(db)
}

decided(db) if is_boolean(db.attributes.deletion_protection)

decided(db) if off(db)
