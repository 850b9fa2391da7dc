package annexa.controls.c6_1.screening_test

import data.annexa.controls.c6_1.screening as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "ana@example.com", "name": "Ana Silva", "start_date": "2024-03-04T00:00:00Z"},
	{"id": "ben@example.com", "start_date": "2021-01-04T00:00:00Z", "end_date": "2025-12-31T00:00:00Z"},
	{"id": "cy@example.com", "start_date": "2027-01-04T00:00:00Z"},
]})

screening(entries) := testing.evidence("screening_record", "SCR", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_screened_before_start if {
	deny([register, screening([{"person": "ana@example.com", "completed_at": "2024-02-20T00:00:00Z", "result": "pass"}])]) == set()
}

test_pass_screened_on_start_day_without_result if {
	deny([register, screening([{"person": "ana@example.com", "completed_at": "2024-03-04T16:30:00Z"}])]) == set()
}

test_pass_leavers_and_future_joiners_not_required if {
	# ben has left and cy has not started: only ana needs a screening.
	deny([register, screening([{"person": "ana@example.com", "completed_at": "2024-01-10T00:00:00Z"}])]) == set()
}

test_fail_not_screened if {
	deny([register, screening([{"person": "ben@example.com", "completed_at": "2020-12-01T00:00:00Z"}])]) == {{
		"msg": "Ana Silva (ana@example.com) has no screening on file",
		"resource": "personnel_register/HR#ana@example.com",
		"details": {"person": "ana@example.com", "start_date": "2024-03-04"},
	}}
}

test_fail_no_screening_record_at_all if {
	[f.resource | some f in deny([register])] == ["personnel_register/HR#ana@example.com"]
}

test_fail_screened_after_start if {
	fs := deny([register, screening([
		{"person": "ana@example.com", "completed_at": "2024-03-05T00:00:00Z", "result": "pass"},
		{"person": "ana@example.com", "completed_at": "2024-04-01T00:00:00Z", "result": "pass"},
	])])
	[f.msg | some f in fs] == ["Ana Silva (ana@example.com) started on 2024-03-04 but was first screened on 2024-03-05, after starting"]
}

test_fail_screening_not_passed if {
	fs := deny([register, screening([{"person": "ana@example.com", "completed_at": "2024-02-01T00:00:00Z", "result": "partial"}])])
	[f.msg | some f in fs] == ["The screening of Ana Silva (ana@example.com) completed on 2024-02-01 had the result partial"]
}

test_fail_register_missing if {
	other := testing.evidence("policy", "P", {"topic": "x"})
	[f.resource | some f in deny([other])] == ["missing:personnel_register"]
}

test_pass_no_evidence_no_findings if {
	deny([]) == set()
}

test_pass_judges_current_staff_only if {
	check.judged == {"personnel_register/HR#ana@example.com"} with data.facts as testing.facts([register]) with data.run as run
	leaver := testing.evidence("personnel_register", "HR", {"entries": [{"id": "ben@example.com", "start_date": "2021-01-04T00:00:00Z", "end_date": "2025-12-31T00:00:00Z"}]})
	count(check.judged) == 0 with data.facts as testing.facts([leaver]) with data.run as run
}
