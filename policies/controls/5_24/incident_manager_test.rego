package annexa.controls.c5_24.incident_manager_test

import data.annexa.controls.c5_24.incident_manager as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

roles(entries) := testing.evidence("role_register", "ROLES", {"entries": entries})

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "tom@example.com", "start_date": "2021-09-01T00:00:00Z"},
	{"id": "kev@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

ciso := {"role": "CISO", "holder": "sam@example.com"}

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_incident_manager_assigned if {
	deny([roles([ciso, {"role": "Incident Manager", "holder": "tom@example.com"}]), people]) == set()
}

test_pass_by_declared_function if {
	deny([roles([{"role": "Security on-call lead", "holder": "tom@example.com", "function": "incident_manager"}])]) == set()
}

test_fail_no_incident_role if {
	deny([roles([ciso])]) == {{
		"msg": "the role register assigns nobody to manage information security incidents (no incident manager role)",
		"resource": "role_register/ROLES",
	}}
}

test_fail_declared_function_overrides_name if {
	fs := deny([roles([{"role": "Incident manager (deputy CISO)", "holder": "sam@example.com", "function": "security_manager"}])])
	count(fs) == 1
}

test_fail_held_by_leaver if {
	deny([roles([{"role": "Incident response lead", "holder": "kev@example.com"}]), people]) == {{
		"msg": "the incident manager role is held only by kev@example.com, who does not work for the organisation now according to the personnel register",
		"resource": "role_register/ROLES",
		"details": {"holders": ["kev@example.com"]},
	}}
}

test_pass_one_active_holder_is_enough if {
	deny([
		roles([
			{"role": "Incident commander", "holder": "kev@example.com"},
			{"role": "Incident commander", "holder": "tom@example.com"},
		]),
		people,
	]) == set()
}

test_fail_role_register_missing if {
	[f.resource | some f in deny([people])] == ["missing:role_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_role_register if {
	check.judged == {"role_register/ROLES"} with data.facts as testing.facts([roles([ciso]), people]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([people]) with data.run as run
}
