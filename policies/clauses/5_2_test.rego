package annexa.clauses.c5_2_test

import data.annexa.clauses.c5_2 as rule
import data.annexa.lib.testing

run(status) := {"effective_time_ns": 1795132800000000000, "controls": {"5.1": {"status": status, "title": "Policies for information security", "assessed": 9, "findings": 2}}}

policy(attrs) := testing.evidence("policy", "POL", object.union(
	{
		"topic": "information_security",
		"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z",
		"communicated_at": "2026-03-04T00:00:00Z",
	},
	attrs,
))

eval(list, status) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run(status)
}

test_pass_policy_approved_current_communicated if {
	eval([policy({})], "pass").status == "conformant"
}

test_fail_communicated_before_approval if {
	r := eval([policy({"communicated_at": "2026-02-01T00:00:00Z"})], "pass")
	r.status == "partial"
	r.gaps == {"Information security policy POL was approved on 2026-03-02 but was last communicated on 2026-02-01, before this version was approved"}
}

test_fail_control_5_1_fails if {
	r := eval([policy({})], "fail")
	r.status == "partial"
	r.gaps == {"Control A.5.1 (Policies for information security) fails with 2 finding(s)"}
}

test_fail_no_policy if {
	r := eval([testing.evidence("document", "D", {"topic": "isms_scope"})], "not_assessed")
	r.status == "nonconformant"
	"No information security policy on file (a policy record with topic information_security)" in r.gaps
}
