package annexa.controls.c5_4.management_direction_test

import data.annexa.controls.c5_4.management_direction as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "dana@example.com", "name": "Dana Okafor", "start_date": "2019-03-01T00:00:00Z"},
	{"id": "sam@example.com", "name": "Sam Keller", "start_date": "2020-01-06T00:00:00Z"},
	{"id": "old@example.com", "start_date": "2015-01-01T00:00:00Z", "end_date": "2026-01-31T00:00:00Z"},
]})

roles(sponsor, approver) := testing.evidence("role_register", "ROLES", {
	"approved_by": approver,
	"approved_at": "2026-03-02T00:00:00Z",
	"entries": [
		{"role": "Top management sponsor", "holder": sponsor},
		{"role": "CISO", "holder": "sam@example.com"},
	],
})

isp(approver) := testing.evidence("policy", "ISP", {
	"topic": "information_security",
	"approved_by": approver,
	"approved_at": "2026-03-02T00:00:00Z",
})

test_pass_sponsor_approves_policy_and_roles if {
	facts := testing.facts([people, roles("dana@example.com", "dana@example.com"), isp("Dana Okafor")])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_fail_policy_approved_by_ciso if {
	facts := testing.facts([people, roles("dana@example.com", "dana@example.com"), isp("sam@example.com")])
	check.deny == {{
		"msg": "information security policy ISP must be approved by top management (dana@example.com) but was approved by sam@example.com",
		"resource": "policy/ISP",
	}} with data.facts as facts with data.run as run
}

test_fail_sponsor_has_left if {
	facts := testing.facts([people, roles("old@example.com", "old@example.com"), isp("old@example.com")])
	check.deny == {{
		"msg": "no active member of top management holds the ISMS sponsor role in role register ROLES",
		"resource": "role_register/ROLES",
	}} with data.facts as facts with data.run as run
}

test_fail_roles_unapproved_and_policy_missing if {
	unapproved := testing.evidence("role_register", "ROLES", {"entries": [{"role": "CEO", "holder": "dana@example.com"}]})
	[f.resource | some f in check.deny] == ["missing:policy/information_security", "role_register/ROLES"] with data.facts as testing.facts([people, unapproved])
		with data.run as run
	[f.msg | some f in check.deny; f.resource == "role_register/ROLES"] == ["role register ROLES must be approved by top management (dana@example.com) but is not approved"] with data.facts as testing.facts([people, unapproved])
		with data.run as run
}

test_fail_missing_role_register if {
	[f.resource | some f in check.deny] == ["missing:role_register"] with data.facts as testing.facts([people, isp("dana@example.com")])
		with data.run as run
}

test_pass_judges_policy_and_roles if {
	facts := testing.facts([people, roles("dana@example.com", "dana@example.com"), isp("Dana Okafor")])
	check.judged == {"role_register/ROLES", "policy/ISP"} with data.facts as facts with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([people, isp("dana@example.com")]) with data.run as run
}
