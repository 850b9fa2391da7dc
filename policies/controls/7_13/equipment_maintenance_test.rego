package annexa.controls.c7_13.equipment_maintenance_test

import data.annexa.controls.c7_13.equipment_maintenance as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "UPS-1", "name": "Comms room UPS", "type": "hardware"},
	{"id": "FW-0", "name": "Old firewall", "type": "hardware", "status": "retired"},
]})

maintenance(entries) := testing.evidence("equipment_maintenance", "MNT", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_on_schedule if {
	deny([assets, maintenance([
		{"asset": "UPS-1", "performed_at": "2025-04-20T00:00:00Z", "next_due_at": "2026-04-20T00:00:00Z", "result": "pass"},
		{"asset": "UPS-1", "performed_at": "2026-04-20T00:00:00Z", "next_due_at": "2027-04-20T00:00:00Z", "result": "pass"},
	])]) == set()
}

test_pass_due_today if {
	deny([assets, maintenance([{"asset": "UPS-1", "performed_at": "2025-11-20T00:00:00Z", "next_due_at": "2026-11-20T00:00:00Z"}])]) == set()
}

test_fail_overdue if {
	deny([assets, maintenance([{"asset": "UPS-1", "performed_at": "2025-11-10T00:00:00Z", "next_due_at": "2026-11-10T00:00:00Z", "result": "pass"}])]) == {{
		"msg": "Maintenance of Comms room UPS (UPS-1) was due on 2026-11-10; the last service was on 2025-11-10",
		"resource": "equipment_maintenance/MNT#UPS-1",
		"details": {"asset": "UPS-1", "performed_at": "2025-11-10"},
	}}
}

test_fail_latest_service_failed if {
	fs := deny([assets, maintenance([
		{"asset": "UPS-1", "performed_at": "2026-01-10T00:00:00Z", "next_due_at": "2027-01-10T00:00:00Z", "result": "pass"},
		{"asset": "UPS-1", "performed_at": "2026-10-10T00:00:00Z", "next_due_at": "2027-10-10T00:00:00Z", "result": "fail"},
	])])
	[f.msg | some f in fs] == ["The last service of Comms room UPS (UPS-1), on 2026-10-10, had the result fail"]
}

test_fail_no_next_due_date if {
	fs := deny([assets, maintenance([{"asset": "NAS-1", "performed_at": "2026-10-10T00:00:00Z"}])])
	[[f.severity, f.msg] | some f in fs] == [["low", "The last service of NAS-1, on 2026-10-10, has no next due date (next_due_at), so nobody can tell when it is due"]]
}

test_pass_retired_asset_not_judged if {
	deny([assets, maintenance([{"asset": "FW-0", "performed_at": "2024-01-10T00:00:00Z", "next_due_at": "2025-01-10T00:00:00Z"}])]) == set()
}

test_fail_no_maintenance_record if {
	[f.resource | some f in deny([assets])] == ["missing:equipment_maintenance"]
}

test_pass_judges_latest_services_of_assets_in_use if {
	facts := testing.facts([assets, maintenance([
		{"asset": "UPS-1", "performed_at": "2026-04-20T00:00:00Z", "next_due_at": "2027-04-20T00:00:00Z", "result": "pass"},
		{"asset": "FW-0", "performed_at": "2024-01-10T00:00:00Z", "next_due_at": "2025-01-10T00:00:00Z"},
	])])
	check.judged == {"equipment_maintenance/MNT#UPS-1"} with data.facts as facts with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([assets]) with data.run as run
}
