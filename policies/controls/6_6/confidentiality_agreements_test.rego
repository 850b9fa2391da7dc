package annexa.controls.c6_6.confidentiality_agreements_test

import data.annexa.controls.c6_6.confidentiality_agreements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "ana@example.com", "name": "Ana Silva", "start_date": "2022-03-01T00:00:00Z"},
	{"id": "ben@example.com", "start_date": "2020-01-06T00:00:00Z", "end_date": "2025-12-31T00:00:00Z"},
]})

nda(attrs, entries) := testing.evidence("nda_record", "NDA", object.union({"entries": entries}, attrs))

reviewed := {"template_reviewed_at": "2026-01-20T00:00:00Z"}

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_signed_and_template_reviewed if {
	deny([register, nda(reviewed, [
		{"person": "ana@example.com", "signed_at": "2022-02-14T00:00:00Z"},
		{"party": "CleanCo Facilities Ltd", "signed_at": "2024-02-01T00:00:00Z"},
	])]) == set()
}

test_fail_person_not_signed if {
	deny([register, nda(reviewed, [{"person": "ben@example.com", "signed_at": "2020-01-02T00:00:00Z"}])]) == {{
		"msg": "Ana Silva (ana@example.com) has no signed confidentiality agreement on file",
		"resource": "personnel_register/HR#ana@example.com",
		"details": {"person": "ana@example.com"},
	}}
}

test_fail_signature_in_future if {
	fs := deny([register, nda(reviewed, [{"person": "ana@example.com", "signed_at": "2026-12-01T00:00:00Z"}])])
	[f.resource | some f in fs] == ["personnel_register/HR#ana@example.com"]
}

test_fail_no_nda_record if {
	[f.resource | some f in deny([register])] == ["personnel_register/HR#ana@example.com"]
}

test_fail_template_stale if {
	fs := deny([register, nda({"template_reviewed_at": "2025-11-19T00:00:00Z"}, [{"person": "ana@example.com", "signed_at": "2022-02-14T00:00:00Z"}])])
	[f.msg | some f in fs] == ["The agreement template of NDA record NDA was last reviewed on 2025-11-19, more than 12 months ago"]
}

test_pass_template_reviewed_exactly_12_months_ago if {
	deny([register, nda({"template_reviewed_at": "2025-11-20T00:00:00Z"}, [{"person": "ana@example.com", "signed_at": "2022-02-14T00:00:00Z"}])]) == set()
}

test_fail_template_review_missing if {
	fs := deny([register, nda({}, [{"person": "ana@example.com", "signed_at": "2022-02-14T00:00:00Z"}])])
	[f.resource | some f in fs] == ["nda_record/NDA"]
}

test_pass_judges_staff_and_records if {
	facts := testing.facts([register, nda(reviewed, [{"person": "ana@example.com", "signed_at": "2022-02-14T00:00:00Z"}])])
	check.judged == {"personnel_register/HR#ana@example.com", "nda_record/NDA"} with data.facts as facts with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
