package annexa.controls.c5_2.roles_test

import data.annexa.controls.c5_2.roles as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "dana@example.com", "start_date": "2019-03-01T00:00:00Z"},
	{"id": "sam@example.com", "start_date": "2020-01-06T00:00:00Z"},
	{"id": "priya@example.com", "start_date": "2020-04-14T00:00:00Z"},
	{"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

role(name, holder) := {"role": name, "holder": holder, "responsibilities": "does things"}

core_roles := [
	role("Top management sponsor", "dana@example.com"),
	role("CISO", "sam@example.com"),
	role("Risk owner (platform)", "priya@example.com"),
	role("Incident manager", "sam@example.com"),
]

roles(entries) := testing.evidence("role_register", "ROLES", object.union(approval, {"entries": entries}))

test_pass_core_roles_held_by_active_people if {
	count(check.deny) == 0 with data.facts as testing.facts([people, roles(core_roles)]) with data.run as run
}

test_pass_function_declared_for_unusual_name if {
	entries := [e | some e in core_roles; e.role != "Incident manager"]
	pager := object.union(role("On-call lead", "priya@example.com"), {"function": "incident_manager"})
	count(check.deny) == 0 with data.facts as testing.facts([people, roles(array.concat(entries, [pager]))])
		with data.run as run
}

test_fail_core_role_unassigned if {
	entries := [e | some e in core_roles; e.role != "Incident manager"]
	check.deny == {{
		"msg": "nobody is assigned the core ISMS role of incident manager in the role register",
		"resource": "role_register/ROLES",
		"details": {"function": "incident_manager"},
	}} with data.facts as testing.facts([people, roles(entries)]) with data.run as run
}

test_fail_holder_left if {
	entries := array.concat(core_roles, [role("Production deployer", "kevin@example.com")])
	check.deny == {{
		"msg": "role \"Production deployer\" is held by kevin@example.com, who left on 2026-08-29",
		"resource": "role_register/ROLES#Production deployer",
	}} with data.facts as testing.facts([people, roles(entries)]) with data.run as run
}

test_fail_holder_unknown_and_no_responsibilities if {
	entries := array.concat(core_roles, [{"role": "DPO", "holder": "eve@example.com"}])
	check.deny == {
		{
			"msg": "role \"DPO\" is held by eve@example.com, who is not in the personnel register",
			"resource": "role_register/ROLES#DPO",
		},
		{
			"msg": "role \"DPO\" (held by eve@example.com) has no responsibilities described",
			"resource": "role_register/ROLES#DPO",
			"severity": "low",
		},
	} with data.facts as testing.facts([people, roles(entries)]) with data.run as run
}

test_fail_register_overdue if {
	stale := testing.evidence("role_register", "ROLES", object.union(approval, {"due": "2026-11-01T00:00:00Z", "entries": core_roles}))
	[f.msg | some f in check.deny] == ["role register ROLES cannot be relied on: its review was due on 2026-11-01"] with data.facts as testing.facts([people, stale])
		with data.run as run
}

test_fail_missing_registers if {
	[f.resource | some f in check.deny] == ["missing:role_register"] with data.facts as testing.facts([people])
		with data.run as run
	[f.resource | some f in check.deny] == ["missing:personnel_register"] with data.facts as testing.facts([roles(core_roles)])
		with data.run as run
}

test_pass_judges_the_role_register if {
	check.judged == {"role_register/ROLES"} with data.facts as testing.facts([people, roles(core_roles)]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([people]) with data.run as run
}
