package annexa.lib.people_test

import data.annexa.lib.people
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "ana@example.com", "name": "Ana Silva", "start_date": "2024-03-04T00:00:00Z"},
	{"id": "ben@example.com", "start_date": "2021-01-04T00:00:00Z", "end_date": "2026-10-31T00:00:00Z"},
	{"id": "cy@example.com", "start_date": "2027-01-04T00:00:00Z"},
]})

test_staff_and_leavers if {
	facts := testing.facts([register])
	[people.ref(s) | some s in people.staff] == ["personnel_register/HR#ana@example.com"] with data.facts as facts with data.run as run
	[s.entry.id | some s in people.leavers] == ["ben@example.com"] with data.facts as facts with data.run as run
}

test_who if {
	people.who({"id": "ana@example.com", "name": "Ana Silva"}) == "Ana Silva (ana@example.com)"
	people.who({"id": "ben@example.com"}) == "ben@example.com"
}

test_on_or_before_compares_days if {
	people.on_or_before("2024-03-04T23:00:00Z", "2024-03-04T00:00:00Z")
	people.on_or_before("2024-03-03T00:00:00Z", "2024-03-04T00:00:00Z")
	not people.on_or_before("2024-03-05T00:00:00Z", "2024-03-04T00:00:00Z")
}

test_days_after if {
	people.days_after("2026-05-31T00:00:00Z", 1) == "2026-06-01"
}

test_register_missing_only_with_evidence if {
	other := testing.evidence("policy", "P", {"topic": "x"})
	count(people.register_missing) == 1 with data.facts as testing.facts([other]) with data.run as run
	count(people.register_missing) == 0 with data.facts as testing.facts([]) with data.run as run
	count(people.register_missing) == 0 with data.facts as testing.facts([register]) with data.run as run
}

test_completions_by_audience_ignore_future if {
	all := testing.evidence("training_record", "SAT", {"course": "Awareness", "entries": [
		{"person": "ana@example.com", "completed_at": "2026-01-10T00:00:00Z"},
		{"person": "ana@example.com", "completed_at": "2027-01-10T00:00:00Z"},
	]})
	priv := testing.evidence("training_record", "PRIV", {"course": "Admins", "audience": "privileged", "entries": [{"person": "ben@example.com", "completed_at": "2026-02-01T00:00:00Z"}]})
	facts := testing.facts([all, priv])
	people.completions({"all"}) == {"ana@example.com": {"2026-01-10T00:00:00Z"}} with data.facts as facts with data.run as run
	people.completions({"privileged"}) == {"ben@example.com": {"2026-02-01T00:00:00Z"}} with data.facts as facts with data.run as run
}

ns(date) := time.parse_rfc3339_ns(date)

test_training_due if {
	p := {"id": "ana@example.com", "start_date": "2026-10-05T00:00:00Z"}
	people.training_due(p, set(), 30, 12) == ns("2026-11-04T00:00:00Z")
	people.training_due(p, {"2026-10-01T00:00:00Z"}, 30, 12) == ns("2027-10-01T00:00:00Z")
	old := {"id": "ben@example.com", "start_date": "2020-01-01T00:00:00Z"}
	people.training_due(old, {"2025-06-01T00:00:00Z", "2024-06-01T00:00:00Z"}, 30, 12) == ns("2026-06-01T00:00:00Z")
}

test_completions_covering_a_control if {
	sat := testing.evidence("training_record", "SAT", {"course": "Awareness", "controls": ["6.3", "6.8"], "entries": [{"person": "ana@example.com", "completed_at": "2026-01-10T00:00:00Z"}]})
	dev := testing.evidence("training_record", "DEV", {"course": "Secure coding", "controls": ["8.28"], "entries": [{"person": "ben@example.com", "completed_at": "2026-01-10T00:00:00Z"}]})
	people.completions_covering("6.8") == {"ana@example.com": {"2026-01-10T00:00:00Z"}} with data.facts as testing.facts([sat, dev]) with data.run as run
}

test_staff_refs if {
	people.staff_refs == {"personnel_register/HR#ana@example.com"} with data.facts as testing.facts([register]) with data.run as run
	people.staff_refs == set() with data.facts as testing.facts([]) with data.run as run
}
