package annexa.clauses.c7_3_test

import data.annexa.clauses.c7_3 as rule
import data.annexa.lib.testing

run(status) := {"effective_time_ns": 1795132800000000000, "controls": {"6.3": {"status": status, "title": "Awareness", "assessed": 2, "findings": 1}}}

policy(communicated) := testing.evidence("policy", "POL", {
	"topic": "information_security",
	"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z",
	"communicated_at": communicated,
})

eval(list, status) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run(status)
}

test_pass_policy_communicated_and_training_passes if {
	eval([policy("2026-03-04T00:00:00Z")], "pass").status == "conformant"
}

test_fail_awareness_training_fails if {
	r := eval([policy("2026-03-04T00:00:00Z")], "fail")
	r.status == "partial"
	r.gaps == {"Control A.6.3 (Awareness) fails with 1 finding(s)"}
}

test_fail_no_policy_and_training_fails if {
	r := eval([testing.evidence("document", "D", {"topic": "isms_scope"})], "fail")
	r.status == "nonconformant"
}
