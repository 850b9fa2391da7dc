package annexa.controls.c5_31.legal_register_test

import data.annexa.controls.c5_31.legal_register as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

entries := [{"id": "L1", "requirement": "UK GDPR", "category": "privacy", "compliant": true}]

register(attrs) := testing.evidence("legal_register", "LEG", object.union(
	{"approved_by": "ceo@example.com", "approved_at": "2026-01-10T00:00:00Z", "reviewed_at": "2026-07-01T00:00:00Z", "due": "2027-07-01T00:00:00Z", "entries": entries},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_reviewed_this_year if {
	deny([register({})]) == set()
}

test_fail_review_interval_too_long if {
	deny([register({"reviewed_at": "2025-10-01T00:00:00Z", "due": "2027-10-01T00:00:00Z"})]) == {{
		"msg": "legal register LEG was last reviewed on 2025-10-01; it is to be reviewed at least every 12 months",
		"resource": "legal_register/LEG",
		"details": {"reviewed_at": "2025-10-01", "due": "2026-10-01"},
	}}
}

test_fail_never_reviewed_approved_long_ago if {
	r := testing.evidence("legal_register", "LEG", {"approved_by": "ceo@example.com", "approved_at": "2024-01-10T00:00:00Z", "due": "2027-01-10T00:00:00Z", "entries": entries})
	[f.details.reviewed_at | some f in deny([r])] == ["2024-01-10"]
}

test_fail_overdue_reported_once if {
	fs := deny([register({"reviewed_at": "2025-10-01T00:00:00Z", "due": "2026-10-01T00:00:00Z"})])
	[f.msg | some f in fs] == ["legal register LEG cannot be relied on: its review was due on 2026-10-01"]
}

test_fail_empty if {
	[f.msg | some f in deny([register({"entries": []})])] == ["legal register LEG lists no requirements"]
}

test_fail_missing if {
	other := testing.evidence("policy", "P", {"topic": "privacy"})
	[f.resource | some f in deny([other])] == ["missing:legal_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_register if {
	check.judged == {"legal_register/LEG"} with data.facts as testing.facts([register({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
