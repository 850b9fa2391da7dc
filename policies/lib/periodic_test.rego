package annexa.lib.periodic_test

import data.annexa.lib.periodic
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

test_within_boundaries if {
	periodic.within("2025-11-20T00:00:00Z", 12) with data.run as run
	periodic.within("2026-11-20T00:00:00Z", 12) with data.run as run
	not periodic.within("2025-11-19T23:59:59Z", 12) with data.run as run
	not periodic.within("2026-11-21T00:00:00Z", 12) with data.run as run
}

test_latest_done_ignores_future if {
	periodic.latest_done({"2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z"}) == "2026-06-01T00:00:00Z" with data.run as run
	not periodic.latest_done({"2027-01-01T00:00:00Z"}) with data.run as run
	not periodic.latest_done(set()) with data.run as run
}

test_latest_record_tie_takes_first_by_id if {
	rs := [
		testing.evidence("internal_audit", "A1", {"performed_at": "2026-03-01T00:00:00Z"}),
		testing.evidence("internal_audit", "A2", {"performed_at": "2026-03-01T00:00:00Z"}),
		testing.evidence("internal_audit", "A0", {"performed_at": "2025-03-01T00:00:00Z"}),
		testing.evidence("internal_audit", "A9", {"performed_at": "2027-03-01T00:00:00Z"}),
	]
	r := periodic.latest_record(rs, "performed_at") with data.run as run
	r.id == "internal_audit/A1"
}

test_due_day_and_hours if {
	periodic.due_day("2025-09-12T00:00:00Z", 12) == "2026-09-12"
	periodic.hours_between("2026-05-01T10:00:00Z", "2026-05-04T09:00:00Z") == 71
	periodic.hours_between("2026-05-04T09:00:00Z", "2026-05-01T10:00:00Z") == -71
	periodic.hours_between("2026-05-01T10:00:00Z", "2026-05-01T10:59:59Z") == 0
}

exercise(id, topic, performed, result) := testing.evidence("continuity_test", id, {"topic": topic, "performed_at": performed, "result": result})

test_exercise_findings_latest_counts if {
	facts := testing.facts([
		exercise("BC-1", "business_continuity", "2025-03-01T00:00:00Z", "fail"),
		exercise("BC-2", "business_continuity", "2026-03-01T00:00:00Z", "pass"),
		exercise("BC-3", "business_continuity", "2027-03-01T00:00:00Z", "fail"),
		exercise("DR-1", "disaster_recovery", "2024-03-01T00:00:00Z", "pass"),
	])
	periodic.exercise_findings(["business_continuity"], "continuity exercise", 12) == set() with data.facts as facts with data.run as run
	fs := periodic.exercise_findings(["ict_continuity", "disaster_recovery"], "ICT continuity test", 12) with data.facts as facts with data.run as run
	[f.msg | some f in fs] == ["the latest ICT continuity test, DR-1, was performed on 2024-03-01; the next one was due by 2025-03-01"]
}

test_exercise_findings_failed_and_missing if {
	facts := testing.facts([exercise("BC-1", "business_continuity", "2026-03-01T00:00:00Z", "fail")])
	fs := periodic.exercise_findings(["business_continuity"], "continuity exercise", 12) with data.facts as facts with data.run as run
	[f.msg | some f in fs] == ["the latest continuity exercise, BC-1 on 2026-03-01, failed; the plan has not been shown to work since"]
	missing := periodic.exercise_findings(["ict_continuity"], "ICT continuity test", 12) with data.facts as facts with data.run as run
	[f.resource | some f in missing] == ["missing:continuity_test/ict_continuity"]
	periodic.exercise_findings(["ict_continuity"], "ICT continuity test", 12) == set() with data.facts as testing.facts([]) with data.run as run
}
