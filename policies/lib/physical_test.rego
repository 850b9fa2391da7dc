package annexa.lib.physical_test

import data.annexa.lib.physical
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "SITE-A", "name": "Head office", "type": "site", "status": "active"},
	{"id": "SITE-B", "name": "Old office", "type": "site", "status": "retired"},
	{"id": "SITE-C", "name": "Warehouse", "type": "site"},
	{"id": "LT-1", "name": "Laptop", "type": "hardware", "status": "active"},
]})

inspection(id, site, date, checks) := testing.evidence("physical_inspection", id, {"site": site, "performed_at": date, "checks": checks})

findings(list, check, required) := fs if {
	fs := physical.site_findings(check, required) with data.facts as testing.facts(list) with data.run as run
}

test_sites_are_in_use_site_entries if {
	[s.entry.id | some s in physical.sites] == ["SITE-A", "SITE-C"] with data.facts as testing.facts([register])
}

test_latest_result_decides if {
	old_fail := inspection("I-1", "SITE-A", "2026-03-01T00:00:00Z", [{"check": "perimeter", "result": "fail"}])
	new_pass := inspection("I-2", "SITE-A", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	c := inspection("I-3", "SITE-C", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	findings([register, old_fail, new_pass, c], "perimeter", true) == set()
}

test_worse_result_wins_a_tie if {
	a := inspection("I-1", "SITE-A", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "fail"}])
	b := inspection("I-2", "SITE-A", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	c := inspection("I-3", "SITE-C", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	[f.resource | some f in findings([register, a, b, c], "perimeter", true)] == ["physical_inspection/I-1"]
}

test_future_inspection_ignored if {
	a := inspection("I-1", "SITE-A", "2026-12-01T00:00:00Z", [{"check": "cabling", "result": "pass"}])
	[f.resource | some f in findings([register, a], "cabling", true)] == ["asset_register/IT#SITE-A", "asset_register/IT#SITE-C"]
}

test_optional_check_not_required if {
	findings([register], "delivery_areas", false) == set()
}

test_failed_stale_inspection_gives_two_findings if {
	a := inspection("I-1", "SITE-A", "2025-10-01T00:00:00Z", [{"check": "cabling", "result": "fail", "notes": " loose patch cables "}])
	c := inspection("I-3", "SITE-C", "2026-04-01T00:00:00Z", [{"check": "cabling", "result": "pass"}])
	[f.msg | some f in findings([register, a, c], "cabling", true)] == [
		"Cabling security at site Head office (SITE-A) was last inspected on 2025-10-01 (I-1), more than 12 months ago",
		"Cabling security check at site Head office (SITE-A) failed at the inspection of 2025-10-01 (I-1): loose patch cables",
	]
}

test_register_without_sites if {
	r := testing.evidence("asset_register", "IT", {"entries": [{"id": "LT-1", "name": "Laptop", "type": "hardware"}]})
	[f.resource | some f in findings([r], "perimeter", true)] == ["asset_register/IT"]
}

test_register_missing if {
	i := inspection("I-1", "SITE-A", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	[f.resource | some f in findings([i], "perimeter", true)] == ["missing:asset_register"]
	findings([], "perimeter", true) == set()
}

test_disposal_problems if {
	physical.disposal_problems({"asset": "A", "method": "shred", "verified_by": "x"}) == []
	physical.disposal_problems({"asset": "A", "method": "return_to_vendor"}) == [
		"it was returned to the vendor without a certificate of data destruction",
		"nobody verified it (verified_by is missing)",
	]
	physical.disposal_problems({"asset": "A", "method": "return_to_vendor", "certificate": "C-1", "verified_by": "x"}) == []
}

test_latest_maintenance_per_asset if {
	m := testing.evidence("equipment_maintenance", "M", {"entries": [
		{"asset": "UPS-1", "performed_at": "2025-04-01T00:00:00Z"},
		{"asset": "UPS-1", "performed_at": "2026-04-01T00:00:00Z", "next_due_at": "2027-04-01T00:00:00Z"},
		{"asset": "UPS-1", "performed_at": "2027-04-01T00:00:00Z"},
		{"asset": "LT-0", "performed_at": "2026-04-01T00:00:00Z"},
	]})
	r := testing.evidence("asset_register", "IT", {"entries": [{"id": "LT-0", "name": "Old", "type": "hardware", "status": "disposed"}]})
	ms := physical.maintenance with data.facts as testing.facts([m, r]) with data.run as run
	object.keys(ms) == {"UPS-1"}
	ms["UPS-1"].entry.performed_at == "2026-04-01T00:00:00Z"
}

test_asset_label if {
	physical.asset_label("LT-1") == "Laptop (LT-1)" with data.facts as testing.facts([register])
	physical.asset_label("NAS-9") == "NAS-9" with data.facts as testing.facts([register])
}

test_site_judged if {
	a := inspection("I-1", "SITE-A", "2026-04-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	later := inspection("I-2", "SITE-C", "2026-12-01T00:00:00Z", [{"check": "perimeter", "result": "pass"}])
	facts := testing.facts([register, a, later])
	physical.site_judged("perimeter", true) == {"asset_register/IT#SITE-A", "asset_register/IT#SITE-C", "physical_inspection/I-1"} with data.facts as facts with data.run as run
	physical.site_judged("perimeter", false) == {"asset_register/IT#SITE-A", "physical_inspection/I-1"} with data.facts as facts with data.run as run
	physical.site_judged("cabling", false) == set() with data.facts as facts with data.run as run
}
