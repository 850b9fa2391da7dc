package annexa.controls.c8_29.security_testing_test

import data.annexa.controls.c8_29.security_testing as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "SW-API", "name": "payments-api", "type": "software", "status": "active"},
	{"id": "SW-OLD", "name": "old portal", "type": "software", "status": "retired"},
]})

test(id, system, type, date, result, attrs) := testing.evidence("security_test", id, object.union(
	{"system": system, "test_type": type, "performed_at": date, "result": result},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_recent_tests if {
	deny([
		assets,
		test("PT-2026", "SW-API", "penetration_test", "2026-05-10T00:00:00Z", "pass", {}),
		test("SAST-1", "payments-api", "sast", "2026-11-18T00:00:00Z", "pass", {"open_findings": 0}),
	]) == set()
}

test_fail_never_tested if {
	deny([assets]) == {{
		"msg": "application payments-api (SW-API) has had no security test in the last 12 months (none on record)",
		"resource": "asset_register/IT#SW-API",
		"details": {"application": "SW-API"},
	}}
}

test_fail_test_too_old if {
	fs := deny([assets, test("PT-2025", "SW-API", "penetration_test", "2025-11-19T00:00:00Z", "pass", {})])
	[f.msg | some f in fs] == ["application payments-api (SW-API) has had no security test in the last 12 months (the latest, PT-2025, was on 2025-11-19)"]
}

test_pass_exactly_12_months if {
	deny([assets, test("PT-2025", "SW-API", "penetration_test", "2025-11-20T00:00:00Z", "pass", {})]) == set()
}

test_pass_future_test_does_not_count if {
	fs := deny([assets, test("PT-2027", "SW-API", "penetration_test", "2026-12-01T00:00:00Z", "pass", {})])
	count(fs) == 1
}

test_fail_latest_failed if {
	fs := deny([
		assets,
		test("PT-1", "SW-API", "penetration_test", "2026-03-01T00:00:00Z", "pass", {}),
		test("PT-2", "SW-API", "penetration_test", "2026-09-01T00:00:00Z", "fail", {}),
		test("SAST-1", "SW-API", "sast", "2026-10-01T00:00:00Z", "pass", {}),
	])
	[f.resource | some f in fs] == ["security_test/PT-2"]
}

test_pass_failure_retested if {
	deny([
		assets,
		test("PT-2", "SW-API", "penetration_test", "2026-09-01T00:00:00Z", "fail", {}),
		test("PT-3", "sw-api", "penetration_test", "2026-10-01T00:00:00Z", "pass", {}),
	]) == set()
}

test_fail_open_findings if {
	fs := deny([assets, test("DAST-1", "SW-API", "dast", "2026-10-01T00:00:00Z", "partial", {"open_findings": 2})])
	[f.msg | some f in fs] == ["the latest dast of SW-API, DAST-1 on 2026-10-01, left 2 high or critical findings open"]
}

test_fail_missing_without_applications if {
	other := testing.evidence("policy", "P", {"topic": "secure_development"})
	[f.resource | some f in deny([other])] == ["missing:security_test"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_applications_and_latest_tests if {
	judged := check.judged with data.facts as testing.facts([assets, test("PT-2026", "SW-API", "penetration_test", "2026-05-10T00:00:00Z", "pass", {})]) with data.run as run
	judged == {"asset_register/IT#SW-API", "security_test/PT-2026"}
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
