package annexa.controls.c6_2.terms_of_employment_test

import data.annexa.controls.c6_2.terms_of_employment as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("personnel_register", "HR", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_signed_before_or_on_start if {
	deny([register([
		{"id": "ana@example.com", "start_date": "2024-03-04T00:00:00Z", "terms_signed_at": "2024-02-12T00:00:00Z"},
		{"id": "dev@example.com", "type": "contractor", "start_date": "2025-05-05T00:00:00Z", "terms_signed_at": "2025-05-05T08:00:00Z"},
	])]) == set()
}

test_pass_leaver_without_terms_not_judged if {
	deny([register([{"id": "ben@example.com", "start_date": "2019-01-01T00:00:00Z", "end_date": "2026-01-31T00:00:00Z"}])]) == set()
}

test_fail_missing_terms if {
	deny([register([{"id": "ana@example.com", "name": "Ana Silva", "start_date": "2024-03-04T00:00:00Z"}])]) == {{
		"msg": "Ana Silva (ana@example.com) has no signed terms of employment or engagement on file (terms_signed_at is missing)",
		"resource": "personnel_register/HR#ana@example.com",
		"details": {"person": "ana@example.com", "start_date": "2024-03-04"},
	}}
}

test_fail_signed_after_start if {
	fs := deny([register([{"id": "ana@example.com", "start_date": "2024-03-04T00:00:00Z", "terms_signed_at": "2024-03-05T00:00:00Z"}])])
	[f.msg | some f in fs] == ["ana@example.com started on 2024-03-04 but signed their terms of employment or engagement on 2024-03-05, after starting"]
}

test_fail_register_missing if {
	other := testing.evidence("policy", "P", {"topic": "x"})
	[f.resource | some f in deny([other])] == ["missing:personnel_register"]
}

test_pass_judges_current_staff_only if {
	ana := {"id": "ana@example.com", "start_date": "2024-03-04T00:00:00Z", "terms_signed_at": "2024-02-12T00:00:00Z"}
	check.judged == {"personnel_register/HR#ana@example.com"} with data.facts as testing.facts([register([ana])]) with data.run as run
	ben := {"id": "ben@example.com", "start_date": "2019-01-01T00:00:00Z", "end_date": "2026-01-31T00:00:00Z"}
	count(check.judged) == 0 with data.facts as testing.facts([register([ben])]) with data.run as run
}
