package annexa.lib.aws_test

import data.annexa.lib.aws
import data.annexa.lib.testing

db(attrs) := testing.resource("aws_db_instance", "db", attrs)

test_rds_replica if {
	aws.rds_replica(db({"replicate_source_db": "primary"}))
	aws.rds_replica(testing.resource("aws_rds_cluster", "c", {"replication_source_identifier": "arn:aws:rds:eu-west-1:1:cluster:p"}))
	not aws.rds_replica(db({"replicate_source_db": ""}))
	not aws.rds_replica(db({"replicate_source_db": null}))
	not aws.rds_replica(db({}))
	not aws.rds_replica(object.union(db({}), {"unknown": ["replicate_source_db"]}))
}

test_s3_bucket_keys if {
	aws.s3_bucket_keys(testing.resource("aws_s3_bucket", "logs", {"id": "logs-1", "bucket": "logs-1"})) == {"aws_s3_bucket.logs", "logs-1"}
	aws.s3_bucket_keys(testing.resource("aws_s3_bucket", "logs", {"bucket": "logs-1"})) == {"aws_s3_bucket.logs", "logs-1"}
	aws.s3_bucket_keys(testing.resource("aws_s3_bucket", "logs", {})) == {"aws_s3_bucket.logs"}
}
