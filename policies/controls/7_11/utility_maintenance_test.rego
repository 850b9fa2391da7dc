package annexa.controls.c7_11.utility_maintenance_test

import data.annexa.controls.c7_11.utility_maintenance as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "UPS-1", "name": "Comms room UPS", "type": "hardware"},
	{"id": "FW-1", "name": "Office firewall", "type": "hardware"},
]})

maintenance(entries) := testing.evidence("equipment_maintenance", "MNT", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_serviced_this_year if {
	deny([assets, maintenance([
		{"asset": "UPS-1", "type": "UPS", "performed_at": "2026-04-20T00:00:00Z", "result": "pass"},
		{"asset": "FW-1", "type": "firmware", "performed_at": "2024-01-10T00:00:00Z"},
	])]) == set()
}

test_fail_service_older_than_12_months if {
	deny([assets, maintenance([{"asset": "UPS-1", "type": "ups", "performed_at": "2025-11-19T00:00:00Z", "next_due_at": "2026-12-31T00:00:00Z"}])]) == {{
		"msg": "Utility equipment Comms room UPS (UPS-1) was last serviced on 2025-11-19, more than 12 months ago",
		"resource": "equipment_maintenance/MNT#UPS-1",
		"details": {"asset": "UPS-1", "performed_at": "2025-11-19"},
	}}
}

test_pass_serviced_exactly_12_months_ago if {
	deny([assets, maintenance([{"asset": "UPS-1", "type": "ups", "performed_at": "2025-11-20T00:00:00Z"}])]) == set()
}

test_fail_latest_service_partial if {
	fs := deny([assets, maintenance([
		{"asset": "GEN-1", "type": "generator", "performed_at": "2026-02-01T00:00:00Z", "result": "pass"},
		{"asset": "GEN-1", "type": "generator", "performed_at": "2026-08-01T00:00:00Z", "result": "partial"},
	])])
	[f.msg | some f in fs] == ["The last service of utility equipment GEN-1, on 2026-08-01, had the result partial"]
}

test_pass_no_utility_entries if {
	deny([assets, maintenance([{"asset": "FW-1", "type": "firmware", "performed_at": "2024-01-10T00:00:00Z"}])]) == set()
}

test_pass_judges_utility_services_only if {
	facts := testing.facts([assets, maintenance([
		{"asset": "UPS-1", "type": "UPS", "performed_at": "2026-04-20T00:00:00Z", "result": "pass"},
		{"asset": "FW-1", "type": "firmware", "performed_at": "2024-01-10T00:00:00Z"},
	])])
	check.judged == {"equipment_maintenance/MNT#UPS-1"} with data.facts as facts with data.run as run
	firmware := testing.facts([assets, maintenance([{"asset": "FW-1", "type": "firmware", "performed_at": "2024-01-10T00:00:00Z"}])])
	count(check.judged) == 0 with data.facts as firmware with data.run as run
}
