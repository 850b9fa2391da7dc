package annexa.controls.c5_11.asset_return_test

import data.annexa.controls.c5_11.asset_return as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

kevin := {
	"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z",
	"assets_returned": true,
}

leaving_soon := {"id": "nadia@example.com", "start_date": "2024-01-08T00:00:00Z", "end_date": "2026-12-31T00:00:00Z"}

people(entries) := testing.evidence("personnel_register", "HR", {"entries": array.concat(
	[{"id": "priya@example.com", "start_date": "2020-04-14T00:00:00Z"}],
	entries,
)})

assets(entries) := testing.evidence("asset_register", "IT", {"entries": entries})

laptop(assignee, status) := {"id": "LT-0009", "name": "MacBook Pro 13", "type": "hardware", "assigned_to": assignee, "status": status}

test_pass_leaver_returned_everything if {
	facts := testing.facts([
		people([kevin, leaving_soon]),
		assets([laptop("priya@example.com", "active"), object.union(laptop("nadia@example.com", "active"), {"id": "LT-0031"})]),
	])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_pass_leavers_disposed_asset_still_names_them if {
	facts := testing.facts([people([kevin]), assets([laptop("kevin@example.com", "disposed")])])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_fail_asset_still_assigned_to_leaver if {
	facts := testing.facts([people([kevin]), assets([laptop("kevin@example.com", "active")])])
	check.deny == {{
		"msg": "asset LT-0009 (MacBook Pro 13) is still assigned to kevin@example.com, who left on 2026-08-29",
		"resource": "asset_register/IT#LT-0009",
	}} with data.facts as facts with data.run as run
}

test_fail_return_not_recorded if {
	facts := testing.facts([people([object.remove(kevin, ["assets_returned"])]), assets([])])
	check.deny == {{
		"msg": "kevin@example.com left on 2026-08-29 but the personnel register does not record their assets as returned (assets_returned)",
		"resource": "personnel_register/HR#kevin@example.com",
	}} with data.facts as facts with data.run as run
}

test_fail_return_recorded_false if {
	facts := testing.facts([people([object.union(kevin, {"assets_returned": false})]), assets([])])
	count(check.deny) == 1 with data.facts as facts with data.run as run
}

test_pass_rehired_leaver_keeps_new_laptop if {
	rehired := {"id": "kevin@example.com", "start_date": "2026-10-01T00:00:00Z"}
	facts := testing.facts([people([kevin, rehired]), assets([laptop("kevin@example.com", "active")])])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_fail_missing_asset_register if {
	[f.resource | some f in check.deny] == ["missing:asset_register"] with data.facts as testing.facts([people([kevin])])
		with data.run as run
}

test_pass_judges_the_leavers if {
	facts := testing.facts([people([kevin, leaving_soon]), assets([laptop("priya@example.com", "active")])])
	check.judged == {"personnel_register/HR#kevin@example.com"} with data.facts as facts with data.run as run
}

test_pass_judges_assets_still_assigned_to_leavers if {
	facts := testing.facts([people([kevin]), assets([laptop("kevin@example.com", "active")])])
	check.judged == {"personnel_register/HR#kevin@example.com", "asset_register/IT#LT-0009"} with data.facts as facts with data.run as run
}

test_pass_no_leaver_nothing_judged if {
	facts := testing.facts([people([leaving_soon]), assets([laptop("nadia@example.com", "active")])])
	count(check.judged) == 0 with data.facts as facts with data.run as run
}
