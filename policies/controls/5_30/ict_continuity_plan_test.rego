package annexa.controls.c5_30.ict_continuity_plan_test

import data.annexa.controls.c5_30.ict_continuity_plan as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

plan(attrs) := testing.evidence("plan", "PLN-DR", object.union(
	{
		"topic": "ict_continuity", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z",
		"rto_hours": 4, "rpo_hours": 0.25, "systems": ["payments-api", "PostgreSQL"],
	},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_plan_with_objectives if {
	deny([plan({})]) == set()
}

test_pass_disaster_recovery_topic if {
	deny([plan({"topic": "disaster_recovery", "rpo_hours": 0})]) == set()
}

test_fail_no_objectives if {
	p := testing.evidence("plan", "PLN-DR", {"topic": "ict_continuity", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z", "systems": []})
	deny([p]) == {{
		"msg": "ICT continuity plan PLN-DR does not state a recovery point objective (rpo_hours), a recovery time objective (rto_hours), the systems it covers (systems)",
		"resource": "plan/PLN-DR",
		"details": {"missing": [
			"a recovery point objective (rpo_hours)",
			"a recovery time objective (rto_hours)",
			"the systems it covers (systems)",
		]},
	}}
}

test_fail_overdue if {
	[f.msg | some f in deny([plan({"due": "2026-08-01T00:00:00Z"})])] == ["ICT continuity plan PLN-DR cannot be relied on: its review was due on 2026-08-01"]
}

test_fail_missing if {
	[f.resource | some f in deny([plan({"topic": "business_continuity"})])] == ["missing:plan/ict_continuity"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_plan if {
	check.judged == {"plan/PLN-DR"} with data.facts as testing.facts([plan({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([plan({"topic": "business_continuity"})]) with data.run as run
}
