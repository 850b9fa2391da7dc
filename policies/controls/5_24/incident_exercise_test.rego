package annexa.controls.c5_24.incident_exercise_test

import data.annexa.controls.c5_24.incident_exercise as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

exercise(id, performed, result) := testing.evidence("continuity_test", id, {"topic": "incident_response", "performed_at": performed, "result": result})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_exercised_this_year if {
	deny([exercise("TTX-2026", "2026-09-17T00:00:00Z", "pass")]) == set()
}

test_fail_exercise_overdue if {
	deny([exercise("TTX-2025", "2025-09-17T00:00:00Z", "pass")]) == {{
		"msg": "the latest incident response exercise, TTX-2025, was performed on 2025-09-17; the next one was due by 2026-09-17",
		"resource": "continuity_test/TTX-2025",
		"details": {"performed_at": "2025-09-17", "due": "2026-09-17"},
	}}
}

test_fail_never_exercised if {
	bc := testing.evidence("continuity_test", "BC-2026", {"topic": "business_continuity", "performed_at": "2026-05-01T00:00:00Z", "result": "pass"})
	[f.resource | some f in deny([bc])] == ["missing:continuity_test/incident_response"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_exercises if {
	check.judged == {"continuity_test/TTX-2026"} with data.facts as testing.facts([exercise("TTX-2026", "2026-09-17T00:00:00Z", "pass")]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([exercise("TTX-2027", "2027-01-17T00:00:00Z", "pass")]) with data.run as run
}
