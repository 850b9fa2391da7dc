package annexa.controls.c7_14.disposed_assets_test

import data.annexa.controls.c7_14.disposed_assets as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "LT-9", "name": "Old laptop", "type": "hardware", "status": "disposed"},
	{"id": "LT-1", "name": "Laptop", "type": "hardware", "status": "active"},
]})

disposal(entries) := testing.evidence("disposal_record", "DSP", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_disposal_recorded if {
	deny([assets, disposal([{"asset": "LT-9", "disposed_at": "2026-09-10T00:00:00Z", "method": "shred", "verified_by": "it@example.com"}])]) == set()
}

test_fail_no_disposal_record if {
	deny([assets]) == {{
		"msg": "Old laptop (LT-9) is marked disposed in the asset register but has no disposal record",
		"resource": "asset_register/IT#LT-9",
		"details": {"asset": "LT-9"},
	}}
}

test_fail_disposal_of_another_asset if {
	fs := deny([assets, disposal([{"asset": "LT-8", "disposed_at": "2026-09-10T00:00:00Z", "method": "shred"}])])
	[f.resource | some f in fs] == ["asset_register/IT#LT-9"]
}

test_fail_disposal_dated_in_future if {
	fs := deny([assets, disposal([{"asset": "LT-9", "disposed_at": "2026-12-10T00:00:00Z", "method": "shred"}])])
	[f.resource | some f in fs] == ["asset_register/IT#LT-9"]
}

test_fail_asset_register_missing if {
	d := disposal([{"asset": "LT-9", "disposed_at": "2026-09-10T00:00:00Z", "method": "shred"}])
	[f.resource | some f in deny([d])] == ["missing:asset_register"]
}

test_pass_judges_disposed_assets_only if {
	d := disposal([{"asset": "LT-9", "disposed_at": "2026-09-10T00:00:00Z", "method": "shred", "verified_by": "it@example.com"}])
	check.judged == {"asset_register/IT#LT-9"} with data.facts as testing.facts([assets, d]) with data.run as run
	active := testing.evidence("asset_register", "IT", {"entries": [{"id": "LT-1", "name": "Laptop", "type": "hardware", "status": "active"}]})
	count(check.judged) == 0 with data.facts as testing.facts([active]) with data.run as run
}
