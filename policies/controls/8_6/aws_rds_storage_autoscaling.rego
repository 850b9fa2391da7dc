# METADATA
# title: RDS instances grow their storage before it runs out
# description: |
#   An RDS DB instance has storage autoscaling on: max_allocated_storage is
#   set above allocated_storage, so RDS adds storage as the database grows
#   instead of stopping writes when the disk fills up. Aurora instances,
#   whose cluster volume grows by itself, are not judged.
# custom:
#   controls: ["8.6"]
#   severity: low
#   coverage: supporting
#   inputs: ["resource:aws_db_instance"]
#   remediation: |
#     Set max_allocated_storage to the most storage the instance may grow to
#     (above allocated_storage), and alarm on FreeStorageSpace.
package annexa.controls.c8_6.aws_rds_storage_autoscaling

import data.annexa.lib.tf

deny contains finding if {
	some db in tf.resources("aws_db_instance")
	not aurora(db)
	size := db.attributes.allocated_storage
	is_number(size)
	not tf.is_unknown(db, "max_allocated_storage")
	not grows(db, size)
	finding := {
		"msg": sprintf("RDS DB instance has storage autoscaling off: it stops at its %d GiB", [size]),
		"resource": db.id,
	}
}

# grows is false when max_allocated_storage is 0, null (a plan's value when
# the configuration leaves it out) or absent (Terraform source's).
grows(db, size) if db.attributes.max_allocated_storage > size

aurora(db) if {
	is_string(db.attributes.engine)
	startswith(db.attributes.engine, "aurora")
}

# judged are the DB instances other than Aurora whose storage size is
# known and whose autoscaling limit is not unknown.
judged contains db.id if {
	some db in tf.resources("aws_db_instance")
	not aurora(db)
	is_number(db.attributes.allocated_storage)
	not tf.is_unknown(db, "max_allocated_storage")
}
