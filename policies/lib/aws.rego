# METADATA
# title: AWS resource helpers
# description: Predicates about AWS resources that several controls' policies share.
# custom:
#   library: true
package annexa.lib.aws

import data.annexa.lib.tf

# rds_replica is true for an RDS read replica or a cluster replicating
# another: it inherits encryption and backups from its source, which is
# judged itself.
rds_replica(db) if {
	some attr in ["replicate_source_db", "replication_source_identifier"]
	is_string(db.attributes[attr])
	db.attributes[attr] != ""
}

# s3_bucket_of is true when x (a public access block, ACL, encryption
# configuration, ...) belongs to bucket b: by reference in the configuration,
# by the bucket's known id, or by the bucket's name written as a literal.
s3_bucket_of(x, b) if tf.refers(x, "bucket", b)

s3_bucket_of(x, b) if {
	is_string(x.attributes.bucket)
	x.attributes.bucket == b.attributes.bucket
}
