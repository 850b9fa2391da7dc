package annexa.controls.c8_24.gcp_customer_keys_test

import data.annexa.controls.c8_24.gcp_customer_keys as check
import data.annexa.lib.testing

bucket(labels, encryption) := testing.resource("google_storage_bucket", "statements", {
	"name": "acme-statements", "labels": labels, "effective_labels": labels, "encryption": encryption,
})

test_pass_restricted_bucket_with_cmek if {
	facts := testing.facts([bucket({"classification": "restricted"}, [{"default_kms_key_name": "projects/acme/locations/europe-west2/keyRings/data/cryptoKeys/statements"}])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_restricted_bucket_google_key if {
	facts := testing.facts([bucket({"classification": "restricted"}, [])])
	check.deny == {{
		"msg": "bucket acme-statements is classified restricted but is encrypted only with a Google-managed key",
		"resource": "google_storage_bucket.statements",
		"details": {"classification": "restricted"},
	}} with data.facts as facts
}

test_pass_unclassified_bucket_not_judged if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket({"team": "payments"}, [])])
}

test_pass_cmek_by_reference if {
	b := testing.with_refs(
		object.union(bucket({"classification": "confidential"}, [{}]), {"unknown": ["encryption.0.default_kms_key_name"]}),
		{"encryption.default_kms_key_name": ["google_kms_crypto_key.statements"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([b])
}

test_fail_confidential_disk if {
	d := testing.resource("google_compute_disk", "data", {"name": "ledger-data", "labels": {"data-classification": "confidential"}, "disk_encryption_key": []})
	count(check.deny) == 1 with data.facts as testing.facts([d])
}

test_pass_disk_customer_supplied_key if {
	d := testing.resource("google_compute_disk", "data", {"name": "ledger-data", "labels": {"classification": "confidential"}, "disk_encryption_key": [{"raw_key": "(sensitive)"}]})
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_fail_cloud_sql_user_labels if {
	db := testing.resource("google_sql_database_instance", "main", {
		"name": "pg-payments", "encryption_key_name": null,
		"settings": [{"user_labels": {"classification": "restricted"}}],
	})
	count(check.deny) == 1 with data.facts as testing.facts([db])
}

test_pass_bigquery_dataset_cmek if {
	ds := testing.resource("google_bigquery_dataset", "finance", {
		"dataset_id": "finance", "labels": {"classification": "confidential"},
		"default_encryption_configuration": [{"kms_key_name": "projects/acme/locations/eu/keyRings/bq/cryptoKeys/finance"}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([ds])
}

test_pass_judges_classified_resources_only if {
	check.judged == {"google_storage_bucket.statements"} with data.facts as testing.facts([bucket({"classification": "restricted"}, [])])
	count(check.judged) == 0 with data.facts as testing.facts([bucket({"classification": "internal"}, [])])
}
