package annexa.controls.c5_3.segregation_of_duties_test

import data.annexa.controls.c5_3.segregation_of_duties as check
import data.annexa.lib.testing

conflicts := [
	{"roles": ["Production change approver", "Production deployer"], "reason": "Nobody approves their own change"},
	{"roles": ["Payments approver", "Payments initiator", "Payments reconciler"]},
]

entries := [
	{"role": "Production change approver", "holder": "priya@example.com"},
	{"role": "Production deployer", "holder": "tomasz@example.com"},
	{"role": "Payments approver", "holder": "grace@example.com"},
	{"role": "Payments initiator", "holder": "oliver@example.com"},
	{"role": "Payments reconciler", "holder": "fatima@example.com"},
]

register(es, cs) := testing.evidence("role_register", "ROLES", {"entries": es, "conflicts": cs})

test_pass_conflicting_roles_held_by_different_people if {
	count(check.deny) == 0 with data.facts as testing.facts([register(entries, conflicts)])
}

test_pass_no_evidence if {
	count(check.deny) == 0 with data.facts as testing.facts([])
}

test_fail_one_person_approves_and_deploys if {
	es := array.concat(entries, [{"role": "Production deployer", "holder": "priya@example.com"}])
	check.deny == {{
		"msg": "priya@example.com holds \"Production change approver\" and \"Production deployer\", which must be segregated: Nobody approves their own change",
		"resource": "role_register/ROLES#priya@example.com",
		"details": {"roles": ["Production change approver", "Production deployer"]},
	}} with data.facts as testing.facts([register(es, conflicts)])
}

test_fail_conflict_across_registers_without_reason if {
	other := testing.evidence("role_register", "FINANCE", {"entries": [{"role": "Payments reconciler", "holder": "grace@example.com"}]})
	check.deny == {{
		"msg": "grace@example.com holds \"Payments approver\" and \"Payments reconciler\", which must be segregated",
		"resource": "role_register/ROLES#grace@example.com",
		"details": {"roles": ["Payments approver", "Payments reconciler"]},
	}} with data.facts as testing.facts([register(entries, conflicts), other])
}

test_fail_no_conflicts_declared if {
	[f.msg | some f in check.deny] == ["role register ROLES declares no conflicting roles, so segregation of duties cannot be checked"] with data.facts as testing.facts([register(entries, [])])
}

test_fail_conflict_names_unknown_role if {
	cs := array.concat(conflicts, [{"roles": ["Access administrator", "Internal auditor"]}])
	es := array.concat(entries, [{"role": "Access admin", "holder": "ruth@example.com"}])
	[f.msg | some f in check.deny] == [
		"a conflict rule of role register ROLES names role \"Access administrator\", which nobody holds; check the spelling",
		"a conflict rule of role register ROLES names role \"Internal auditor\", which nobody holds; check the spelling",
	] with data.facts as testing.facts([register(es, cs)])
}

test_fail_missing_register if {
	people := testing.evidence("personnel_register", "HR", {"entries": []})
	[f.resource | some f in check.deny] == ["missing:role_register"] with data.facts as testing.facts([people])
}

test_pass_judges_the_role_register if {
	check.judged == {"role_register/ROLES"} with data.facts as testing.facts([register(entries, conflicts)])
	count(check.judged) == 0 with data.facts as testing.facts([])
}
