package annexa.controls.c7_9.off_premises_assets_test

import data.annexa.controls.c7_9.off_premises_assets as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "ana@example.com", "start_date": "2022-03-01T00:00:00Z"},
	{"id": "ben@example.com", "start_date": "2020-01-06T00:00:00Z", "end_date": "2026-08-31T00:00:00Z"},
]})

assets(entries) := testing.evidence("asset_register", "IT", {"entries": entries})

laptop(extra) := object.union(
	{"id": "LT-1", "name": "Laptop (Ana)", "type": "hardware", "status": "active", "off_premises": true, "encrypted": true, "assigned_to": "ana@example.com"},
	extra,
)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_encrypted_and_assigned if {
	deny([people, assets([laptop({})])]) == set()
}

test_pass_on_premises_and_disposed_assets_not_judged if {
	deny([people, assets([
		laptop({"off_premises": false, "encrypted": false, "assigned_to": "ben@example.com"}),
		laptop({"id": "LT-0", "status": "disposed", "encrypted": false}),
	])]) == set()
}

test_fail_not_encrypted if {
	deny([people, assets([laptop({"encrypted": false})])]) == {{
		"msg": "Laptop (Ana) (LT-1) is kept off the premises but is not recorded as encrypted",
		"resource": "asset_register/IT#LT-1",
		"severity": "high",
		"details": {"asset": "LT-1"},
	}}
}

test_fail_encryption_not_recorded if {
	a := {"id": "LT-2", "name": "Laptop", "type": "hardware", "off_premises": true, "assigned_to": "ana@example.com"}
	[f.severity | some f in deny([people, assets([a])])] == ["high"]
}

test_pass_paper_files_need_no_encryption if {
	a := {"id": "DOC-1", "name": "Signed contracts folder", "type": "information", "off_premises": true, "assigned_to": "ana@example.com"}
	deny([people, assets([a])]) == set()
}

test_fail_custodian_left if {
	fs := deny([people, assets([laptop({"assigned_to": "ben@example.com"})])])
	[f.msg | some f in fs] == ["Laptop (Ana) (LT-1) is kept off the premises by ben@example.com, who is not an active person in the personnel register"]
}

test_fail_no_custodian if {
	a := {"id": "LT-3", "name": "Spare laptop", "type": "hardware", "off_premises": true, "encrypted": true}
	[f.msg | some f in deny([people, assets([a])])] == ["Spare laptop (LT-3) is kept off the premises but is assigned to nobody (assigned_to is missing)"]
}

test_pass_custodian_not_judged_without_personnel_register if {
	deny([assets([laptop({"assigned_to": "someone@example.com"})])]) == set()
}

test_fail_asset_register_missing if {
	[f.resource | some f in deny([people])] == ["missing:asset_register"]
}

test_pass_judges_off_premises_assets_only if {
	check.judged == {"asset_register/IT#LT-1"} with data.facts as testing.facts([people, assets([laptop({})])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([people, assets([laptop({"off_premises": false})])]) with data.run as run
}
