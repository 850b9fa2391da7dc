package annexa.controls.c6_5.leavers_test

import data.annexa.controls.c6_5.leavers as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("personnel_register", "HR", {"entries": entries})

leaver(extra) := object.union(
	{"id": "ben@example.com", "name": "Ben Ode", "start_date": "2021-01-04T00:00:00Z", "end_date": "2026-05-31T00:00:00Z"},
	extra,
)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_exit_on_last_day if {
	deny([register([leaver({"exit_completed_at": "2026-05-29T00:00:00Z", "access_revoked_at": "2026-05-31T18:00:00Z"})])]) == set()
}

test_pass_access_revoked_next_day if {
	deny([register([leaver({"exit_completed_at": "2026-05-31T00:00:00Z", "access_revoked_at": "2026-06-01T00:00:00Z"})])]) == set()
}

test_pass_future_leaver_not_judged if {
	deny([register([leaver({"end_date": "2026-12-31T00:00:00Z"})])]) == set()
}

test_fail_exit_two_days_late if {
	deny([register([leaver({"exit_completed_at": "2026-06-02T00:00:00Z", "access_revoked_at": "2026-05-31T00:00:00Z"})])]) == {{
		"msg": "Ben Ode (ben@example.com) left on 2026-05-31 but the exit process was completed only on 2026-06-02, after the deadline of 2026-06-01",
		"resource": "personnel_register/HR#ben@example.com",
		"severity": "medium",
		"details": {"person": "ben@example.com", "end_date": "2026-05-31", "exit_completed_at": "2026-06-02"},
	}}
}

test_fail_access_never_revoked if {
	fs := deny([register([leaver({"exit_completed_at": "2026-05-31T00:00:00Z"})])])
	[[f.severity, f.msg] | some f in fs] == [[
		"high",
		"Ben Ode (ben@example.com) left on 2026-05-31 but there is no record that their access was revoked (access_revoked_at is missing)",
	]]
}

test_fail_both_missing if {
	count(deny([register([leaver({})])])) == 2
}

test_fail_register_missing if {
	other := testing.evidence("policy", "P", {"topic": "x"})
	[f.resource | some f in deny([other])] == ["missing:personnel_register"]
}

test_pass_judges_leavers_only if {
	done := {"exit_completed_at": "2026-05-29T00:00:00Z", "access_revoked_at": "2026-05-31T18:00:00Z"}
	check.judged == {"personnel_register/HR#ben@example.com"} with data.facts as testing.facts([register([leaver(done)])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([leaver({"end_date": "2026-12-31T00:00:00Z"})])]) with data.run as run
}
