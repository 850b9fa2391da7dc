package annexa.controls.c8_3.gcp_storage_uniform_access_test

import data.annexa.controls.c8_3.gcp_storage_uniform_access as check
import data.annexa.lib.testing

bucket(attrs, configured) := object.union(
	testing.resource("google_storage_bucket", "data", object.union({"name": "acme-data", "location": "EU"}, attrs)),
	{"configured": configured},
)

test_pass_uniform if {
	facts := testing.facts([bucket({"uniform_bucket_level_access": true}, ["name", "location", "uniform_bucket_level_access"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_storage_bucket.data"} with data.facts as facts
}

test_fail_uniform_off if {
	check.deny == {{
		"msg": "bucket acme-data has uniform bucket-level access off, so object and bucket ACLs can grant access",
		"resource": "google_storage_bucket.data",
	}} with data.facts as testing.facts([bucket({"uniform_bucket_level_access": false}, ["name", "location", "uniform_bucket_level_access"])])
}

test_fail_left_out if {
	b := object.union(bucket({}, ["name", "location"]), {"unknown": ["uniform_bucket_level_access"]})
	some f in check.deny with data.facts as testing.facts([b])
	contains(f.msg, "leaves uniform_bucket_level_access out")
}

test_pass_unknown_written_not_judged if {
	b := object.union(bucket({}, ["name", "location", "uniform_bucket_level_access"]), {"unknown": ["uniform_bucket_level_access"]})
	count(check.deny) == 0 with data.facts as testing.facts([b])
	count(check.judged) == 0 with data.facts as testing.facts([b])
}

test_pass_no_configured_list_not_judged if {
	b := testing.resource("google_storage_bucket", "data", {"name": "acme-data"})
	count(check.judged) == 0 with data.facts as testing.facts([b])
}
