# METADATA
# title: RDS databases are encrypted at rest
# description: |
#   RDS DB instances and Aurora/RDS clusters must have storage encryption
#   on. Encryption cannot be turned on for an existing instance, so the plan
#   is the place to catch it. A DB instance that leaves storage_encrypted
#   out is unencrypted unless restored from a snapshot. So is a cluster in
#   engine_mode provisioned (the default: provisioned Aurora, Aurora
#   Serverless v2, Multi-AZ DB clusters), where the provider's default is
#   false; an Aurora Serverless v1 cluster (engine_mode serverless) is
#   always encrypted, and passes with the argument left out.
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
	unencrypted(db)
	not aws.rds_replica(db)
	finding := {"msg": sprintf("%s storage is not encrypted", [label[t]]), "resource": db.id}
}

unencrypted(db) if tf.explicitly_false(db, "storage_encrypted")

# An RDS DB instance that leaves storage_encrypted out is created
# unencrypted (the provider has no default and AWS's is off), unless it is
# restored from a snapshot, whose encryption it inherits. A plan shows the
# left-out argument as null, Terraform source does not show it at all; a
# value only known after apply is not judged. Clusters are not judged on a
# left-out value: the provider computes it.
unencrypted(db) if {
	db.type == "aws_db_instance"
	object.get(db.attributes, "storage_encrypted", null) == null
	not tf.is_unknown(db, "storage_encrypted")
	not restored(db)
}

# A cluster that leaves storage_encrypted out gets the provider's choice,
# unknown in a plan: false for a provisioned cluster (engine_mode defaults
# to provisioned), true for Aurora Serverless v1.
unencrypted(db) if {
	db.type == "aws_rds_cluster"
	tf.omitted(db, "storage_encrypted")
	not is_boolean(object.get(db.attributes, "storage_encrypted", null))
	object.get(db.attributes, "engine_mode", "provisioned") in {"provisioned", null}
	not restored(db)
}

restored(db) if {
	is_string(db.attributes.snapshot_identifier)
	db.attributes.snapshot_identifier != ""
}

label := {"aws_db_instance": "RDS DB instance", "aws_rds_cluster": "RDS cluster"}

# judged are the DB instances and clusters, replicas aside, whose storage
# encryption is known or left out to the provider's default.
judged contains db.id if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in tf.resources(t)
	not aws.rds_replica(db)
	decided(db)
}

decided(db) if is_boolean(db.attributes.storage_encrypted)

decided(db) if unencrypted(db)

decided(db) if serverless_v1_default(db)

# An Aurora Serverless v1 cluster that leaves storage_encrypted out is
# encrypted: the provider's default for engine_mode serverless is true.
serverless_v1_default(db) if {
	db.type == "aws_rds_cluster"
	tf.omitted(db, "storage_encrypted")
	not is_boolean(object.get(db.attributes, "storage_encrypted", null))
	object.get(db.attributes, "engine_mode", null) == "serverless"
}
