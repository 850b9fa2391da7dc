# METADATA
# title: RDS databases are not publicly accessible
# description: |
#   An RDS DB instance or Aurora cluster instance with publicly_accessible =
#   true gets a public DNS name and address reachable from the internet
#   (CIS AWS Foundations 3.0.0 2.3.3); databases belong in private subnets,
#   reached through the application or a bastion. Left out,
#   publicly_accessible is false (the provider's default for DB instances
#   and cluster instances alike), which passes; a value only known after
#   apply is not judged.
# custom:
#   controls: ["8.20", "8.22"]
#   severity: high
#   coverage:
#     "8.20": partial
#     "8.22": supporting
#   inputs:
#     - resource:aws_db_instance
#     - resource:aws_rds_cluster_instance
#   remediation: |
#     Set publicly_accessible = false and place the database in private
#     subnets (a db_subnet_group_name without routes to an internet gateway).
package annexa.controls.c8_20.aws_rds_public

import data.annexa.lib.tf

types := ["aws_db_instance", "aws_rds_cluster_instance"]

deny contains finding if {
	some t in types
	some db in tf.resources(t)
	db.attributes.publicly_accessible == true
	finding := {
		"msg": sprintf("%s %s is publicly accessible from the internet", [label[t], tf.attribute_or_id(db, "identifier")]),
		"resource": db.id,
	}
}

label := {"aws_db_instance": "RDS DB instance", "aws_rds_cluster_instance": "Aurora cluster instance"}

# judged are the databases whose public accessibility is known, or left out
# to the provider's default false.
judged contains db.id if {
	some t in types
	some db in tf.resources(t)
	decided(db)
}

decided(db) if is_boolean(db.attributes.publicly_accessible)

decided(db) if {
	tf.omitted(db, "publicly_accessible")
	not tf.is_unknown(db, "publicly_accessible")
}
