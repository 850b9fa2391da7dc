package annexa.controls.c5_36.compliance_audit_test

import data.annexa.controls.c5_36.compliance_audit as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

audit(id, performed, attrs) := testing.evidence("internal_audit", id, object.union(
	{"performed_at": performed, "auditor": "fatima@example.com", "independent": false},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_audited_this_year if {
	deny([audit("IA-2026-1", "2026-03-16T00:00:00Z", {})]) == set()
}

test_fail_audit_overdue if {
	deny([audit("IA-2025-2", "2025-09-30T00:00:00Z", {}), audit("IA-2025-1", "2025-03-30T00:00:00Z", {})]) == {{
		"msg": "the latest internal audit, IA-2025-2, was performed on 2025-09-30; compliance with the security policies was next to be audited by 2026-09-30",
		"resource": "internal_audit/IA-2025-2",
		"details": {"performed_at": "2025-09-30", "due": "2026-09-30"},
	}}
}

test_fail_no_audit if {
	other := testing.evidence("policy", "P", {"topic": "information_security"})
	[f.resource | some f in deny([other])] == ["missing:internal_audit"]
}

test_fail_retired_audit_does_not_count if {
	[f.resource | some f in deny([audit("IA-2026-1", "2026-03-16T00:00:00Z", {"status": "retired"})])] == ["missing:internal_audit"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_audits if {
	check.judged == {"internal_audit/IA-2026-1"} with data.facts as testing.facts([audit("IA-2026-1", "2026-03-16T00:00:00Z", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([audit("IA-2027-1", "2027-03-16T00:00:00Z", {})]) with data.run as run
}
