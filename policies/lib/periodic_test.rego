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
