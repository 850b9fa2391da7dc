package annexa.clauses.c9_2_1_test

import data.annexa.clauses.c9_2_1 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

audit(id, date, attrs) := testing.evidence("internal_audit", id, object.union({"performed_at": date, "auditor": "fatima@example.com"}, attrs))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_audit_this_year if {
	eval([audit("IA-1", "2026-03-16T00:00:00Z", {})]).status == "conformant"
}

test_pass_audit_exactly_twelve_months_ago if {
	eval([audit("IA-1", "2025-11-20T00:00:00Z", {})]).status == "conformant"
}

test_fail_audit_older_than_twelve_months if {
	r := eval([audit("IA-1", "2025-11-19T00:00:00Z", {})])
	r.status == "nonconformant"
	r.gaps == {"The latest internal audit, IA-1, was performed on 2025-11-19; the next was due by 2026-11-19"}
}

test_fail_future_and_retired_audits_do_not_count if {
	r := eval([audit("IA-2", "2026-12-01T00:00:00Z", {}), audit("IA-1", "2026-03-01T00:00:00Z", {"status": "retired"})])
	r.gaps == {"No internal audit on file"}
}
