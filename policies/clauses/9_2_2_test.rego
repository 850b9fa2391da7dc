package annexa.clauses.c9_2_2_test

import data.annexa.clauses.c9_2_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

programme := testing.evidence("document", "IAP", {
	"topic": "audit_programme",
	"approved_by": "sam@example.com", "approved_at": "2026-01-10T00:00:00Z", "due": "2027-01-10T00:00:00Z",
	"planned_audits": [
		{"id": "IA-1", "scope": ["access control"], "due_at": "2026-03-31T00:00:00Z"},
		{"id": "IA-2", "scope": ["clauses 4-10"], "due_at": "2026-10-31T00:00:00Z"},
		{"id": "IA-3", "scope": ["supplier security"], "due_at": "2027-03-31T00:00:00Z"},
	],
})

audit(id, ncs) := testing.evidence("internal_audit", id, {"performed_at": "2026-03-16T00:00:00Z", "auditor": "fatima@example.com", "nonconformities": ncs, "programme": "IAP"})

register := testing.evidence("nonconformity_register", "NCR", {"entries": [{"id": "NC-1", "raised_at": "2026-03-16T00:00:00Z", "description": "d", "status": "open"}]})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_every_due_audit_reported if {
	eval([programme, audit("IA-1", ["NC-1"]), audit("IA-2", []), register]).status == "conformant"
}

test_fail_due_audit_without_report if {
	r := eval([programme, audit("IA-1", ["NC-1"]), register])
	r.status == "partial"
	r.gaps == {"Audit IA-2 (clauses 4-10), due by 2026-10-31 under audit programme IAP, has no report (an internal_audit record with id IA-2)"}
}

test_fail_nonconformity_not_registered if {
	r := eval([programme, audit("IA-1", ["NC-1", "NC-9"]), audit("IA-2", []), register])
	r.gaps == {"Audit IA-1 raised nonconformity NC-9, which is not in the nonconformity register"}
}

test_fail_no_programme if {
	eval([audit("IA-1", [])]).status == "nonconformant"
}
