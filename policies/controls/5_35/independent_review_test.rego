package annexa.controls.c5_35.independent_review_test

import data.annexa.controls.c5_35.independent_review as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

audit(id, performed, attrs) := testing.evidence("internal_audit", id, object.union(
	{"performed_at": performed, "auditor": "Northbridge Assurance LLP", "independent": true},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_reviewed_this_year if {
	deny([audit("EXT-2025", "2025-06-01T00:00:00Z", {}), audit("EXT-2026", "2026-06-10T00:00:00Z", {})]) == set()
}

test_fail_review_overdue if {
	deny([audit("EXT-2025", "2025-11-19T00:00:00Z", {})]) == {{
		"msg": "the latest independent review of information security, EXT-2025 by Northbridge Assurance LLP, was performed on 2025-11-19; the next one was due by 2026-11-19",
		"resource": "internal_audit/EXT-2025",
		"details": {"performed_at": "2025-11-19", "due": "2026-11-19"},
	}}
}

test_fail_only_self_assessment if {
	self := audit("IA-2026", "2026-06-10T00:00:00Z", {"independent": false, "auditor": "ciso@example.com"})
	[f.resource | some f in deny([self])] == ["missing:internal_audit"]
}

test_fail_draft_report_does_not_count if {
	fs := deny([audit("EXT-2026", "2026-06-10T00:00:00Z", {"status": "draft"}), audit("EXT-2024", "2024-06-10T00:00:00Z", {})])
	[f.resource | some f in fs] == ["internal_audit/EXT-2024"]
}

test_fail_planned_review_does_not_count if {
	fs := deny([audit("EXT-2027", "2027-01-10T00:00:00Z", {})])
	[f.resource | some f in fs] == ["missing:internal_audit"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_reviews if {
	check.judged == {"internal_audit/EXT-2026"} with data.facts as testing.facts([audit("EXT-2026", "2026-06-10T00:00:00Z", {})]) with data.run as run
	self := audit("IA-2026", "2026-06-10T00:00:00Z", {"independent": false})
	count(check.judged) == 0 with data.facts as testing.facts([self]) with data.run as run
}
