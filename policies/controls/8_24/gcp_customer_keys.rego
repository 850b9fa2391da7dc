# METADATA
# title: GCP data stores holding classified data use customer-managed keys
# description: |
#   Google Cloud encrypts Cloud Storage buckets, persistent disks, Cloud SQL
#   instances and BigQuery datasets at rest with Google-managed keys
#   whatever the configuration. Data classified confidential, restricted or
#   secret (a label classification, data_classification or confidentiality;
#   user_labels for Cloud SQL) must in addition be encrypted under a key the
#   organisation controls (CMEK in Cloud KMS, or a customer-supplied key for
#   disks), so that it can audit, rotate and revoke its use: buckets name
#   encryption.default_kms_key_name, disks a disk_encryption_key, instances'
#   boot disks a kms_key_self_link, Cloud SQL instances an
#   encryption_key_name and datasets a default_encryption_configuration.
#   Resources without a classification label are not judged.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: supporting
#   inputs:
#     - resource:google_storage_bucket
#     - resource:google_compute_disk
#     - resource:google_compute_instance
#     - resource:google_sql_database_instance
#     - resource:google_bigquery_dataset
#   remediation: |
#     Create a Cloud KMS key (with a rotation period) in the resource's
#     region, grant the service agent roles/cloudkms.cryptoKeyEncrypterDecrypter,
#     and name it on the resource; or correct the classification label if
#     the data is not confidential.
package annexa.controls.c8_24.gcp_customer_keys

import data.annexa.lib.crypto
import data.annexa.lib.tf

# key_paths names, per resource type, where its customer key is written:
# [block, attribute] for a nested block, or [attribute].
key_paths := {
	"google_storage_bucket": [["encryption", "default_kms_key_name"]],
	"google_compute_disk": [
		["disk_encryption_key", "kms_key_self_link"],
		["disk_encryption_key", "raw_key"],
		["disk_encryption_key", "rsa_encrypted_key"],
	],
	"google_compute_instance": [
		["boot_disk", "kms_key_self_link"],
		["boot_disk", "disk_encryption_key_raw"],
	],
	"google_sql_database_instance": [["encryption_key_name"]],
	"google_bigquery_dataset": [["default_encryption_configuration", "kms_key_name"]],
}

what := {
	"google_storage_bucket": "bucket",
	"google_compute_disk": "disk",
	"google_compute_instance": "instance",
	"google_sql_database_instance": "Cloud SQL instance",
	"google_bigquery_dataset": "BigQuery dataset",
}

deny contains finding if {
	some t, paths in key_paths
	some r in tf.resources(t)
	crypto.needs_customer_key(r)
	not keyed(r, paths)
	finding := {
		"msg": sprintf("%s %s is classified %s but is encrypted only with a Google-managed key", [what[t], name_or_dataset(r), crypto.classification(r)]),
		"resource": r.id,
		"details": {"classification": crypto.classification(r)},
	}
}

keyed(r, paths) if {
	some [attr] in paths
	tf.configured(r, attr)
}

keyed(r, paths) if {
	some [block, attr] in paths
	tf.block_configured(r, block, attr)
}

# name_or_dataset names a resource in messages: its name, a BigQuery
# dataset's dataset_id, or its address.
name_or_dataset(r) := r.attributes.name if is_string(r.attributes.name)

else := r.attributes.dataset_id if is_string(r.attributes.dataset_id)

else := r.id

# judged are the resources classified so that they need a
# customer-managed key.
judged contains r.id if {
	some t, _ in key_paths
	some r in tf.resources(t)
	crypto.needs_customer_key(r)
}
