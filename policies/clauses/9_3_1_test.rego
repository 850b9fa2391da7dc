package annexa.clauses.c9_3_1_test

import data.annexa.clauses.c9_3_1 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

roles := testing.evidence("role_register", "ROLES", {"entries": [{"role": "CEO", "holder": "dana@example.com"}]})

review(id, date, attendees) := testing.evidence("management_review", id, {"performed_at": date, "attendees": attendees, "inputs": []})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_review_this_year_with_top_management if {
	eval([roles, review("MR-2", "2026-04-20T00:00:00Z", ["dana@example.com"]), review("MR-1", "2025-04-22T00:00:00Z", [])]).status == "conformant"
}

test_fail_review_older_than_twelve_months if {
	r := eval([roles, review("MR-1", "2025-10-01T00:00:00Z", ["dana@example.com"])])
	r.status == "nonconformant"
	r.gaps == {"The latest management review, MR-1, was held on 2025-10-01; the next was due by 2026-10-01"}
}

test_fail_top_management_absent if {
	r := eval([roles, review("MR-2", "2026-04-20T00:00:00Z", ["sam@example.com"])])
	r.status == "partial"
	r.gaps == {"No holder of the top-management role attended management review MR-2"}
}

test_fail_no_review if {
	eval([roles]).gaps == {"No management review on file"}
}
