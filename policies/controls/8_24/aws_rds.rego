# METADATA
# title: RDS databases are encrypted at rest
# description: |
#   RDS DB instances and Aurora/RDS clusters must have storage encryption
#   on. Encryption cannot be turned on for an existing instance, so the plan
#   is the place to catch it.
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_db_instance
#     - resource:aws_rds_cluster
#   remediation: |
#     Set storage_encrypted = true (and kms_key_id to a customer-managed key
#     where required). For an existing database, restore an encrypted copy of
#     a snapshot and switch over.
package annexa.controls.c8_24.aws_rds

import data.annexa.lib.aws
import data.annexa.lib.tf

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in tf.resources(t)
	tf.explicitly_false(db, "storage_encrypted")
	not aws.rds_replica(db)
	finding := {"msg": sprintf("%s storage is not encrypted", [label[t]]), "resource": db.id}
}

label := {"aws_db_instance": "RDS DB instance", "aws_rds_cluster": "RDS cluster"}
