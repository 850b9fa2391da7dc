package annexa.controls.c8_28.secure_coding_training_test

import data.annexa.controls.c8_28.secure_coding_training as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "aiko@x", "name": "Aiko Tanaka", "role": "Backend Engineer", "department": "Engineering", "start_date": "2022-02-01T00:00:00Z"},
	{"id": "jonas@x", "name": "Jonas Berg", "role": "Backend Engineer", "department": "Engineering", "start_date": "2026-10-05T00:00:00Z"},
	{"id": "grace@x", "name": "Grace Mensah", "role": "Finance Manager", "department": "Finance", "start_date": "2023-03-13T00:00:00Z"},
	{"id": "kevin@x", "name": "Kevin Doyle", "role": "Frontend Engineer", "department": "Engineering", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

training(course, audience, entries) := testing.evidence("training_record", "TR-SC", {"course": course, "audience": audience, "entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_developers_trained if {
	deny([people, training("OWASP Top 10 for developers", "developers", [
		{"person": "Aiko@x", "completed_at": "2026-02-10T00:00:00Z"},
	])]) == set()
}

test_pass_course_named_secure_coding if {
	deny([people, training("Secure coding in Go", "all", [{"person": "aiko@x", "completed_at": "2026-02-10T00:00:00Z"}])]) == set()
}

test_fail_untrained_developer if {
	deny([people]) == {{
		"msg": "Aiko Tanaka (aiko@x) has no secure coding training on record (started on 2022-02-01)",
		"resource": "personnel_register/HR#aiko@x",
		"details": {"person": "aiko@x"},
	}}
}

test_fail_training_stale if {
	fs := deny([people, training("Secure development", "all", [{"person": "aiko@x", "completed_at": "2025-11-19T00:00:00Z"}])])
	[f.msg | some f in fs] == ["Aiko Tanaka (aiko@x) last completed secure coding training on 2025-11-19; it was due again by 2026-11-19"]
}

test_pass_other_courses_do_not_count_but_joiner_in_grace if {
	fs := deny([people, training("Security awareness 2026", "all", [{"person": "aiko@x", "completed_at": "2026-02-10T00:00:00Z"}])])
	[f.resource | some f in fs] == ["personnel_register/HR#aiko@x"]
}

test_fail_joiner_after_grace if {
	# 2027-01-15: Jonas started on 2026-10-05, more than 90 days before.
	list := [people, training("Secure coding", "developers", [{"person": "aiko@x", "completed_at": "2026-02-10T00:00:00Z"}])]
	fs := check.deny with data.facts as testing.facts(list) with data.run as {"effective_time_ns": 1799971200000000000}
	[f.resource | some f in fs] == ["personnel_register/HR#jonas@x"]
}

test_pass_judges_developers_only if {
	judged := check.judged with data.facts as testing.facts([people]) with data.run as run
	judged == {"personnel_register/HR#aiko@x", "personnel_register/HR#jonas@x"}
	finance := testing.evidence("personnel_register", "HR", {"entries": [{"id": "grace@x", "role": "Finance Manager", "department": "Finance", "start_date": "2023-03-13T00:00:00Z"}]})
	count(check.judged) == 0 with data.facts as testing.facts([finance]) with data.run as run
}
