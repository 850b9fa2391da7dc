package annexa.clauses.c5_3_test

import data.annexa.clauses.c5_3 as rule
import data.annexa.lib.testing

passing := {"status": "pass", "title": "t", "assessed": 1, "findings": 0}

run := {"effective_time_ns": 1795132800000000000, "controls": {"5.2": passing, "5.3": passing}}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "sam@example.com", "start_date": "2020-01-06T00:00:00Z"},
	{"id": "kev@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

roles(entries, attrs) := testing.evidence("role_register", "ROLES", object.union(
	{
		"entries": entries,
		"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z",
	},
	attrs,
))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_ciso_assigned if {
	eval([people, roles([{"role": "CISO", "holder": "sam@example.com"}], {})]).status == "conformant"
}

test_fail_ciso_left if {
	r := eval([people, roles([{"role": "CISO", "holder": "kev@example.com"}], {})])
	r.status == "partial"
	r.gaps == {"The role CISO is held by kev@example.com, who left on 2026-08-29"}
}

test_fail_no_security_role if {
	r := eval([people, roles([{"role": "Payments approver", "holder": "sam@example.com"}], {})])
	r.status == "nonconformant"
}

test_fail_register_overdue if {
	r := eval([people, roles([{"role": "CISO", "holder": "sam@example.com"}], {"due": "2026-11-19T00:00:00Z"})])
	r.status == "partial"
	r.gaps == {"Role register ROLES cannot be relied on: its review was due on 2026-11-19"}
}

test_fail_no_register if {
	eval([people]).status == "nonconformant"
}
