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

# s3_bucket_keys is the set of keys by which an S3 bucket's companion
# resources (public access block, ACL, encryption configuration) point at it:
# its addresses, its known id and its name.
s3_bucket_keys(b) := tf.identities(b) | {v |
	v := b.attributes.bucket
	is_string(v)
}
