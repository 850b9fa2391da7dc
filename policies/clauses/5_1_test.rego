package annexa.clauses.c5_1_test

import data.annexa.clauses.c5_1 as rule
import data.annexa.lib.testing

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

run(status) := {"effective_time_ns": 1795132800000000000, "controls": {"5.4": {"status": status, "title": "Management responsibilities", "assessed": 2, "findings": 1}}}

roles := testing.evidence("role_register", "ROLES", {"entries": [
	{"role": "CEO", "holder": "dana@example.com"},
	{"role": "CISO", "holder": "sam@example.com"},
]})

policy(by) := testing.evidence("policy", "POL", {"topic": "information_security", "approved_by": by, "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"})

review(date, attendees) := testing.evidence("management_review", "MR", {"performed_at": date, "attendees": attendees, "inputs": []})

eval(list, status) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run(status)
}

test_pass_top_management_approves_and_attends if {
	r := eval([roles, policy("dana@example.com"), review("2026-06-01T00:00:00Z", ["dana@example.com", "sam@example.com"])], "pass")
	r.status == "conformant"
}

test_fail_policy_approved_by_someone_else if {
	r := eval([roles, policy("sam@example.com"), review("2026-06-01T00:00:00Z", ["dana@example.com"])], "pass")
	r.status == "partial"
	r.gaps == {"Information security policy POL was approved by sam@example.com, who does not hold the top-management role"}
}

test_fail_review_without_top_management if {
	r := eval([roles, policy("dana@example.com"), review("2026-06-01T00:00:00Z", ["sam@example.com"])], "pass")
	r.status == "partial"
	r.gaps == {"No holder of the top-management role attended management review MR on 2026-06-01"}
}

test_fail_review_older_than_a_year if {
	r := eval([roles, policy("dana@example.com"), review("2025-11-19T00:00:00Z", ["dana@example.com"])], "pass")
	r.gaps == {"No management review in the last 12 months shows top management's involvement"}
}

test_pass_review_exactly_a_year_ago if {
	eval([roles, policy("dana@example.com"), review("2025-11-20T00:00:00Z", ["dana@example.com"])], "pass").status == "conformant"
}

test_fail_control_5_4_fails if {
	r := eval([roles, policy("dana@example.com"), review("2026-06-01T00:00:00Z", ["dana@example.com"])], "fail")
	r.gaps == {"Control A.5.4 (Management responsibilities) fails with 1 finding(s)"}
}

test_fail_nobody_in_top_management if {
	ceo_less := testing.evidence("role_register", "ROLES", {"entries": [{"role": "CISO", "holder": "sam@example.com"}]})
	eval([ceo_less, policy("dana@example.com")], "pass").status == "nonconformant"
}
