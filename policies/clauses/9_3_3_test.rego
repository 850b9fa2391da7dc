package annexa.clauses.c9_3_3_test

import data.annexa.clauses.c9_3_3 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

review(attrs) := testing.evidence("management_review", "MR", object.union({"performed_at": "2026-04-20T00:00:00Z", "inputs": []}, attrs))

approved := {"approved_by": "dana@example.com", "approved_at": "2026-04-27T00:00:00Z"}

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_decisions_and_approved_minutes if {
	eval([review(object.union(approved, {"decisions": ["Fund a SIEM"]}))]).status == "conformant"
}

test_fail_no_decisions if {
	r := eval([review(approved)])
	r.status == "nonconformant"
	r.gaps == {"Management review MR recorded no decisions on improvement or changes to the ISMS (decisions)"}
}

test_fail_minutes_not_approved if {
	r := eval([review({"decisions": ["Fund a SIEM"]})])
	r.status == "partial"
	r.gaps == {"The minutes of management review MR are not approved (approved_by, approved_at)"}
}
