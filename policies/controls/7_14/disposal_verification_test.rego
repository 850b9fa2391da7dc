package annexa.controls.c7_14.disposal_verification_test

import data.annexa.controls.c7_14.disposal_verification as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [{"id": "LT-9", "name": "Old laptop", "type": "hardware", "status": "disposed"}]})

disposal(entries) := testing.evidence("disposal_record", "DSP", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_verified if {
	deny([assets, disposal([
		{"asset": "LT-9", "disposed_at": "2026-09-10T00:00:00Z", "method": "crypto_erase", "verified_by": "it@example.com"},
		{"asset": "SRV-2", "disposed_at": "2026-03-10T00:00:00Z", "method": "return_to_vendor", "certificate": "CoD-1182", "verified_by": "it@example.com"},
	])]) == set()
}

test_fail_unverified if {
	deny([assets, disposal([{"asset": "LT-9", "disposed_at": "2026-09-10T00:00:00Z", "method": "wipe"}])]) == {{
		"msg": "The disposal of Old laptop (LT-9) on 2026-09-10 (method wipe) cannot be relied on: nobody verified it (verified_by is missing)",
		"resource": "disposal_record/DSP#LT-9",
		"details": {"asset": "LT-9", "disposed_at": "2026-09-10", "method": "wipe"},
	}}
}

test_fail_returned_without_certificate if {
	fs := deny([disposal([{"asset": "SRV-2", "disposed_at": "2026-03-10T00:00:00Z", "method": "return_to_vendor", "verified_by": "it@example.com"}])])
	[f.msg | some f in fs] == ["The disposal of SRV-2 on 2026-03-10 (method return_to_vendor) cannot be relied on: it was returned to the vendor without a certificate of data destruction"]
}

test_pass_no_disposals if {
	deny([assets]) == set()
}

test_pass_judges_the_disposals if {
	facts := testing.facts([assets, disposal([{"asset": "LT-9", "disposed_at": "2026-09-10T00:00:00Z", "method": "shred", "verified_by": "it@example.com"}])])
	check.judged == {"disposal_record/DSP#LT-9"} with data.facts as facts with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([assets]) with data.run as run
}
