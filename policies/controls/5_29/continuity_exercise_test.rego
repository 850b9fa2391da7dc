package annexa.controls.c5_29.continuity_exercise_test

import data.annexa.controls.c5_29.continuity_exercise as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

exercise(id, performed, result) := testing.evidence("continuity_test", id, {"topic": "business_continuity", "performed_at": performed, "result": result})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_exercised_this_year if {
	deny([exercise("BC-2025", "2025-06-01T00:00:00Z", "fail"), exercise("BC-2026", "2026-06-10T00:00:00Z", "partial")]) == set()
}

test_fail_exercise_overdue if {
	deny([exercise("BC-2025", "2025-11-19T00:00:00Z", "pass")]) == {{
		"msg": "the latest business continuity exercise, BC-2025, was performed on 2025-11-19; the next one was due by 2026-11-19",
		"resource": "continuity_test/BC-2025",
		"details": {"performed_at": "2025-11-19", "due": "2026-11-19"},
	}}
}

test_pass_exercised_exactly_12_months_ago if {
	deny([exercise("BC-2025", "2025-11-20T00:00:00Z", "pass")]) == set()
}

test_fail_latest_failed if {
	fs := deny([exercise("BC-2026", "2026-06-10T00:00:00Z", "fail")])
	[f.details.result | some f in fs] == ["fail"]
}

test_fail_only_other_topics if {
	dr := testing.evidence("continuity_test", "DR-2026", {"topic": "disaster_recovery", "performed_at": "2026-06-10T00:00:00Z", "result": "pass"})
	[f.resource | some f in deny([dr])] == ["missing:continuity_test/business_continuity"]
}

test_fail_planned_exercise_does_not_count if {
	[f.resource | some f in deny([exercise("BC-2027", "2027-01-15T00:00:00Z", "pass")])] == ["missing:continuity_test/business_continuity"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_exercises if {
	check.judged == {"continuity_test/BC-2026"} with data.facts as testing.facts([exercise("BC-2026", "2026-06-10T00:00:00Z", "pass")]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([exercise("BC-2027", "2027-01-15T00:00:00Z", "pass")]) with data.run as run
}
