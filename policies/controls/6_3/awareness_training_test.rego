package annexa.controls.c6_3.awareness_training_test

import data.annexa.controls.c6_3.awareness_training as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("personnel_register", "HR", {"entries": entries})

ana := {"id": "ana@example.com", "name": "Ana Silva", "start_date": "2022-03-01T00:00:00Z"}

training(id, audience, entries) := testing.evidence("training_record", id, object.union(
	{"course": "Security awareness", "entries": entries},
	audience,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_completed_within_12_months if {
	deny([
		register([ana]),
		training("SAT-2026", {"audience": "all"}, [{"person": "ana@example.com", "completed_at": "2026-02-11T00:00:00Z"}]),
	]) == set()
}

test_pass_exactly_12_months_ago if {
	deny([
		register([ana]),
		training("SAT-2025", {}, [{"person": "ana@example.com", "completed_at": "2025-11-20T00:00:00Z"}]),
	]) == set()
}

test_fail_refresher_overdue if {
	deny([
		register([ana]),
		training("SAT-2025", {"audience": "all"}, [
			{"person": "ana@example.com", "completed_at": "2024-10-01T00:00:00Z"},
			{"person": "ana@example.com", "completed_at": "2025-11-19T00:00:00Z"},
		]),
	]) == {{
		"msg": "Ana Silva (ana@example.com) last completed security awareness training on 2025-11-19; the 12-month refresher was due by 2026-11-19",
		"resource": "personnel_register/HR#ana@example.com",
		"details": {"person": "ana@example.com", "start_date": "2022-03-01", "due": "2026-11-19", "last_completed": "2025-11-19"},
	}}
}

test_pass_new_joiner_inside_30_days if {
	# Started 2026-10-21: training due by 2026-11-20, the effective date.
	deny([register([{"id": "new@example.com", "start_date": "2026-10-21T00:00:00Z"}])]) == set()
}

test_fail_new_joiner_past_30_days if {
	fs := deny([register([{"id": "jo@example.com", "name": "Jo Berg", "start_date": "2026-10-05T00:00:00Z"}])])
	[f.msg | some f in fs] == ["Jo Berg (jo@example.com) started on 2026-10-05 and has no security awareness training on file; it was due within 30 days of starting, by 2026-11-04"]
}

test_pass_new_joiner_onboarding_course if {
	deny([
		register([{"id": "jo@example.com", "start_date": "2026-10-05T00:00:00Z"}]),
		training("ONB", {"audience": "new_joiners"}, [{"person": "jo@example.com", "completed_at": "2026-10-09T00:00:00Z"}]),
	]) == set()
}

test_fail_privileged_course_does_not_count if {
	fs := deny([
		register([ana]),
		training("PRIV", {"audience": "privileged"}, [{"person": "ana@example.com", "completed_at": "2026-06-01T00:00:00Z"}]),
	])
	[f.resource | some f in fs] == ["personnel_register/HR#ana@example.com"]
}

test_fail_future_completion_ignored if {
	fs := deny([
		register([ana]),
		training("SAT", {}, [{"person": "ana@example.com", "completed_at": "2026-12-01T00:00:00Z"}]),
	])
	count(fs) == 1
}

test_pass_leaver_not_required if {
	deny([register([{"id": "ben@example.com", "start_date": "2020-01-01T00:00:00Z", "end_date": "2026-03-31T00:00:00Z"}])]) == set()
}

test_fail_register_missing if {
	t := training("SAT", {}, [{"person": "ana@example.com", "completed_at": "2026-06-01T00:00:00Z"}])
	[f.resource | some f in deny([t])] == ["missing:personnel_register"]
}

test_pass_judges_current_staff_only if {
	check.judged == {"personnel_register/HR#ana@example.com"} with data.facts as testing.facts([register([ana])]) with data.run as run
	ben := {"id": "ben@example.com", "start_date": "2020-01-01T00:00:00Z", "end_date": "2026-03-31T00:00:00Z"}
	count(check.judged) == 0 with data.facts as testing.facts([register([ben])]) with data.run as run
}
