package annexa.controls.c8_13.gcp_storage_deletion_test

import data.annexa.controls.c8_13.gcp_storage_deletion as check
import data.annexa.lib.testing

bucket(versioning, seconds) := testing.resource("google_storage_bucket", "exports", {
	"name": "acme-exports",
	"versioning": versioning,
	"soft_delete_policy": [{"retention_duration_seconds": seconds}],
})

test_pass_default_soft_delete if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket([], 604800)])
}

test_pass_versioned_without_soft_delete if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket([{"enabled": true}], 0)])
}

test_fail_no_versioning_no_soft_delete if {
	check.deny == {{
		"msg": "Cloud Storage bucket cannot recover deleted objects: versioning is off and soft delete is disabled",
		"resource": "google_storage_bucket.exports",
	}} with data.facts as testing.facts([bucket([{"enabled": false}], 0)])
}

test_pass_unknown_soft_delete_not_judged if {
	b := object.union(testing.resource("google_storage_bucket", "exports", {"versioning": []}), {"unknown": ["soft_delete_policy"]})
	count(check.deny) == 0 with data.facts as testing.facts([b])
}

test_pass_judges_known_buckets if {
	check.judged == {"google_storage_bucket.exports"} with data.facts as testing.facts([bucket([], 604800)])
	b := object.union(testing.resource("google_storage_bucket", "exports", {"versioning": []}), {"unknown": ["soft_delete_policy"]})
	count(check.judged) == 0 with data.facts as testing.facts([b])
}

test_pass_soft_delete_left_out_judged if {
	# Left out, soft delete keeps deleted objects for 7 days (computed, so
	# unknown in a plan): judged, and compliant even with versioning off.
	b := object.union(
		testing.resource("google_storage_bucket", "exports", {"versioning": [{"enabled": false}]}),
		{"configured": ["versioning"], "unknown": ["soft_delete_policy"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([b])
	check.judged == {"google_storage_bucket.exports"} with data.facts as testing.facts([b])
}
