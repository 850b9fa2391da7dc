package annexa.controls.c5_24.incident_plan_test

import data.annexa.controls.c5_24.incident_plan as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

plan(attrs) := testing.evidence("plan", "PLN-IR", object.union(
	{"topic": "incident_response", "approved_by": "ciso@example.com", "approved_at": "2026-05-01T00:00:00Z", "due": "2027-05-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_plan if {
	deny([plan({})]) == set()
}

test_fail_unapproved_and_overdue if {
	p := testing.evidence("plan", "PLN-IR", {"topic": "incident_response", "due": "2026-01-01T00:00:00Z"})
	deny([p]) == {{
		"msg": "incident management plan PLN-IR cannot be relied on: it is not approved (approved_by and approved_at are missing); its review was due on 2026-01-01",
		"resource": "plan/PLN-IR",
	}}
}

test_fail_missing if {
	[f.resource | some f in deny([plan({"topic": "business_continuity"})])] == ["missing:plan/incident_response"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_plan if {
	check.judged == {"plan/PLN-IR"} with data.facts as testing.facts([plan({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([plan({"topic": "business_continuity"})]) with data.run as run
}
