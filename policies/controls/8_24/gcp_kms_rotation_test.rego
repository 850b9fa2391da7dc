package annexa.controls.c8_24.gcp_kms_rotation_test

import data.annexa.controls.c8_24.gcp_kms_rotation as check
import data.annexa.lib.testing

key(attrs) := testing.resource("google_kms_crypto_key", "data", object.union({"name": "data", "purpose": "ENCRYPT_DECRYPT"}, attrs))

test_pass_90_days if {
	count(check.deny) == 0 with data.facts as testing.facts([key({"rotation_period": "7776000s"})])
}

test_pass_30_days_default_purpose if {
	k := testing.resource("google_kms_crypto_key", "data", {"name": "data", "rotation_period": "2592000s"})
	count(check.deny) == 0 with data.facts as testing.facts([k])
}

test_fail_no_rotation if {
	check.deny == {{
		"msg": "KMS key data does not rotate automatically (no rotation_period)",
		"resource": "google_kms_crypto_key.data",
	}} with data.facts as testing.facts([key({"rotation_period": null})])
}

test_fail_yearly_rotation if {
	findings := check.deny with data.facts as testing.facts([key({"rotation_period": "31536000s"})])
	findings == {{
		"msg": "KMS key data rotates every 365 days; at most 90 days is allowed",
		"resource": "google_kms_crypto_key.data",
		"details": {"rotation_period": "31536000s"},
	}}
}

test_fail_one_second_over if {
	count(check.deny) == 1 with data.facts as testing.facts([key({"rotation_period": "7776000.5s"})])
}

test_pass_asymmetric_and_import_only_not_judged if {
	facts := testing.facts([
		testing.resource("google_kms_crypto_key", "sign", {"name": "sign", "purpose": "ASYMMETRIC_SIGN", "rotation_period": null}),
		testing.resource("google_kms_crypto_key", "byok", {"name": "byok", "import_only": true, "rotation_period": null}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_unknown_period_not_judged if {
	k := object.union(key({}), {"unknown": ["rotation_period"]})
	count(check.deny) == 0 with data.facts as testing.facts([k])
}

test_pass_judges_symmetric_keys if {
	check.judged == {"google_kms_crypto_key.data"} with data.facts as testing.facts([key({"rotation_period": "7776000s"})])
}

test_pass_asymmetric_import_only_and_unknown_judge_nothing if {
	facts := testing.facts([
		testing.resource("google_kms_crypto_key", "sign", {"name": "sign", "purpose": "ASYMMETRIC_SIGN", "rotation_period": null}),
		testing.resource("google_kms_crypto_key", "byok", {"name": "byok", "import_only": true, "rotation_period": null}),
		object.union(key({}), {"unknown": ["rotation_period"]}),
	])
	count(check.judged) == 0 with data.facts as facts
}
