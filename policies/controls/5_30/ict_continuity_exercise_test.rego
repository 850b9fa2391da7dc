package annexa.controls.c5_30.ict_continuity_exercise_test

import data.annexa.controls.c5_30.ict_continuity_exercise as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

dr(id, performed, attrs) := testing.evidence("continuity_test", id, object.union(
	{"topic": "disaster_recovery", "performed_at": performed, "result": "pass", "objectives_met": true},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_recent_test_met_objectives if {
	deny([
		dr("DR-2025", "2025-05-01T00:00:00Z", {"objectives_met": false, "result": "fail"}),
		dr("DR-2026", "2026-05-01T00:00:00Z", {"topic": "ict_continuity"}),
	]) == set()
}

test_fail_objectives_missed if {
	deny([dr("DR-2026", "2026-05-01T00:00:00Z", {"objectives_met": false, "result": "partial"})]) == {{
		"msg": "the latest ICT continuity test, DR-2026 on 2026-05-01, did not meet its recovery time and point objectives",
		"resource": "continuity_test/DR-2026",
		"details": {"performed_at": "2026-05-01", "result": "partial"},
	}}
}

test_fail_objectives_not_recorded if {
	t := testing.evidence("continuity_test", "DR-2026", {"topic": "ict_continuity", "performed_at": "2026-05-01T00:00:00Z", "result": "pass"})
	[f.msg | some f in deny([t])] == ["the latest ICT continuity test, DR-2026 on 2026-05-01, does not record whether its recovery time and point objectives were met (objectives_met)"]
}

test_fail_test_overdue if {
	fs := deny([dr("DR-2025", "2025-10-01T00:00:00Z", {})])
	[f.msg | some f in fs] == ["the latest ICT continuity test, DR-2025, was performed on 2025-10-01; the next one was due by 2026-10-01"]
}

test_fail_failed_test if {
	fs := deny([dr("DR-2026", "2026-05-01T00:00:00Z", {"result": "fail", "objectives_met": false})])
	count(fs) == 2
}

test_fail_no_test if {
	bc := testing.evidence("continuity_test", "BC-2026", {"topic": "business_continuity", "performed_at": "2026-05-01T00:00:00Z", "result": "pass"})
	[f.resource | some f in deny([bc])] == ["missing:continuity_test/ict_continuity"]
}

test_pass_judges_the_tests if {
	check.judged == {"continuity_test/DR-2026"} with data.facts as testing.facts([dr("DR-2026", "2026-05-01T00:00:00Z", {})]) with data.run as run
	bc := testing.evidence("continuity_test", "BC-2026", {"topic": "business_continuity", "performed_at": "2026-05-01T00:00:00Z", "result": "pass"})
	count(check.judged) == 0 with data.facts as testing.facts([bc]) with data.run as run
}
