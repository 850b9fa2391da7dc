package annexa.controls.c7_5.environmental_inspection_test

import data.annexa.controls.c7_5.environmental_inspection as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "SITE-HQ", "name": "Head office", "type": "site", "status": "active"},
	{"id": "SITE-OLD", "name": "Former office", "type": "site", "status": "retired"},
	{"id": "LT-1", "name": "Laptop", "type": "hardware"},
]})

inspection(id, date, checks) := testing.evidence("physical_inspection", id, {"site": "SITE-HQ", "performed_at": date, "checks": checks})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_inspected_this_year if {
	deny([register, inspection("INSP-1", "2026-03-18T00:00:00Z", [{"check": "environmental", "result": "pass"}])]) == set()
}

test_pass_inspected_exactly_12_months_ago if {
	deny([register, inspection("INSP-1", "2025-11-20T00:00:00Z", [{"check": "environmental", "result": "pass"}])]) == set()
}

test_fail_check_failed if {
	deny([register, inspection("INSP-2", "2026-10-07T00:00:00Z", [{"check": "environmental", "result": "fail", "notes": "found wanting"}])]) == {{
		"msg": "Protection against environmental threats check at site Head office (SITE-HQ) failed at the inspection of 2026-10-07 (INSP-2): found wanting",
		"resource": "physical_inspection/INSP-2",
		"details": {"site": "SITE-HQ", "check": "environmental", "result": "fail", "performed_at": "2026-10-07"},
	}}
}

test_fail_partial_result if {
	fs := deny([register, inspection("INSP-2", "2026-10-07T00:00:00Z", [{"check": "environmental", "result": "partial"}])])
	[f.msg | some f in fs] == ["Protection against environmental threats check at site Head office (SITE-HQ) was only partly met at the inspection of 2026-10-07 (INSP-2)"]
}

test_pass_failure_fixed_and_reinspected if {
	deny([
		register,
		inspection("INSP-2", "2026-10-07T00:00:00Z", [{"check": "environmental", "result": "fail"}]),
		inspection("INSP-3", "2026-10-21T00:00:00Z", [{"check": "environmental", "result": "pass"}]),
	]) == set()
}

test_fail_inspection_older_than_12_months if {
	fs := deny([register, inspection("INSP-0", "2025-11-19T00:00:00Z", [{"check": "environmental", "result": "pass"}])])
	[f.msg | some f in fs] == ["Protection against environmental threats at site Head office (SITE-HQ) was last inspected on 2025-11-19 (INSP-0), more than 12 months ago"]
}

test_fail_register_lists_no_site if {
	r := testing.evidence("asset_register", "IT", {"entries": [{"id": "LT-1", "name": "Laptop", "type": "hardware"}]})
	[f.resource | some f in deny([r])] == ["asset_register/IT"]
}

test_fail_never_inspected if {
	deny([register, inspection("INSP-1", "2026-03-18T00:00:00Z", [{"check": "perimeter", "result": "pass"}])]) == {{
		"msg": "Site Head office (SITE-HQ) has no physical inspection of protection against environmental threats on file",
		"resource": "asset_register/IT#SITE-HQ",
		"details": {"site": "SITE-HQ", "check": "environmental"},
	}}
}

test_pass_judges_the_sites_in_use if {
	check.judged == {"asset_register/IT#SITE-HQ"} with data.facts as testing.facts([register]) with data.run as run
	r := testing.evidence("asset_register", "IT", {"entries": [{"id": "LT-1", "name": "Laptop", "type": "hardware"}]})
	count(check.judged) == 0 with data.facts as testing.facts([r]) with data.run as run
}
