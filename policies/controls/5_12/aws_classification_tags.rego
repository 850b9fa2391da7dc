# METADATA
# title: AWS data stores tagged with a classification
# description: |
#   When an approved information classification policy in force lists the
#   levels of its scheme (classification_levels), every AWS resource that
#   stores information (S3 buckets, RDS instances and clusters, DynamoDB
#   tables, EBS volumes and snapshots, EFS and FSx file systems,
#   ElastiCache, Redshift, DocumentDB, Neptune, OpenSearch, Kinesis
#   streams, SQS queues, Backup vaults, Secrets Manager secrets) whose
#   complete set of tags is known (tags_all) carries a
#   classification tag (key classification, data_classification or
#   information_classification, in any case or punctuation) whose value is
#   one of those levels (ignoring case). The tag is the machine-readable
#   label of the information the store holds. Without a scheme there are
#   no levels to label with and nothing is judged, so the classification
#   policy is this policy's declared input.
# custom:
#   controls: ["5.12", "5.13"]
#   severity: low
#   coverage: supporting
#   inputs: ["evidence:policy"]
#   remediation: |
#     Tag each data store with the classification of the information it
#     holds (tags = { classification = "confidential" }), using the levels of
#     the approved classification scheme.
package annexa.controls.c5_12.aws_classification_tags

import data.annexa.lib.governance
import data.annexa.lib.tags
import data.annexa.lib.tf

stores := [
	"aws_s3_bucket",
	"aws_db_instance",
	"aws_rds_cluster",
	"aws_dynamodb_table",
	"aws_ebs_volume",
	"aws_ebs_snapshot",
	"aws_efs_file_system",
	"aws_fsx_lustre_file_system",
	"aws_fsx_windows_file_system",
	"aws_fsx_ontap_file_system",
	"aws_fsx_openzfs_file_system",
	"aws_elasticache_cluster",
	"aws_elasticache_replication_group",
	"aws_redshift_cluster",
	"aws_docdb_cluster",
	"aws_neptune_cluster",
	"aws_opensearch_domain",
	"aws_elasticsearch_domain",
	"aws_kinesis_stream",
	"aws_sqs_queue",
	"aws_backup_vault",
	"aws_secretsmanager_secret",
]

keys := {"classification", "dataclassification", "informationclassification"}

levels := governance.classification_levels

deny contains f if {
	count(levels) > 0
	some t in stores
	some r in tf.resources(t)
	tags.known(r)
	count(tags.values(r, keys)) == 0
	f := {
		"msg": sprintf("%s is not labelled with the classification of its data (no classification tag)", [t]),
		"resource": r.id,
	}
}

deny contains f if {
	count(levels) > 0
	some t in stores
	some r in tf.resources(t)
	tags.known(r)
	some value in tags.values(r, keys)
	not lower(value) in levels
	f := {
		"msg": sprintf("%s is labelled classification %q, which is not a level of the classification scheme (%s)", [t, value, concat(", ", governance.classification_scheme)]),
		"resource": r.id,
	}
}

# judged are the data stores whose tags are known, once a classification
# scheme gives the levels to label them with.
judged contains r.id if {
	count(levels) > 0
	some t in stores
	some r in tf.resources(t)
	tags.known(r)
}
