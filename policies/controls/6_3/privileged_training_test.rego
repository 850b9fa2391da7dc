package annexa.controls.c6_3.privileged_training_test

import data.annexa.controls.c6_3.privileged_training as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "admin@example.com", "name": "Sam Admin", "start_date": "2021-01-04T00:00:00Z", "privileged": true},
	{"id": "user@example.com", "start_date": "2021-01-04T00:00:00Z"},
	{"id": "old-admin@example.com", "start_date": "2019-01-04T00:00:00Z", "end_date": "2025-01-31T00:00:00Z", "privileged": true},
]})

awareness := testing.evidence("training_record", "SAT", {"course": "Security awareness", "audience": "all", "entries": [
	{"person": "admin@example.com", "completed_at": "2026-03-01T00:00:00Z"},
	{"person": "user@example.com", "completed_at": "2026-03-01T00:00:00Z"},
]})

privileged(date) := testing.evidence("training_record", "PRIV", {"course": "Privileged access", "audience": "privileged", "entries": [{"person": "admin@example.com", "completed_at": date}]})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_privileged_trained if {
	deny([register, awareness, privileged("2026-04-15T00:00:00Z")]) == set()
}

test_fail_only_awareness if {
	deny([register, awareness]) == {{
		"msg": "Sam Admin (admin@example.com) started on 2021-01-04 and has no privileged-user training on file; it was due within 30 days of starting, by 2021-02-03",
		"resource": "personnel_register/HR#admin@example.com",
		"details": {"person": "admin@example.com", "start_date": "2021-01-04", "due": "2021-02-03"},
	}}
}

test_fail_privileged_training_stale if {
	fs := deny([register, awareness, privileged("2025-10-01T00:00:00Z")])
	[f.msg | some f in fs] == ["Sam Admin (admin@example.com) last completed privileged-user training on 2025-10-01; the 12-month refresher was due by 2026-10-01"]
}

test_pass_no_privileged_people if {
	r := testing.evidence("personnel_register", "HR", {"entries": [{"id": "user@example.com", "start_date": "2021-01-04T00:00:00Z", "privileged": false}]})
	deny([r, awareness]) == set()
}

test_pass_judges_privileged_staff_only if {
	check.judged == {"personnel_register/HR#admin@example.com"} with data.facts as testing.facts([register, awareness]) with data.run as run
	r := testing.evidence("personnel_register", "HR", {"entries": [{"id": "user@example.com", "start_date": "2021-01-04T00:00:00Z", "privileged": false}]})
	count(check.judged) == 0 with data.facts as testing.facts([r, awareness]) with data.run as run
}
