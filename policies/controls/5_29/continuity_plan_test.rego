package annexa.controls.c5_29.continuity_plan_test

import data.annexa.controls.c5_29.continuity_plan as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

plan(attrs) := testing.evidence("plan", "PLN-BCP", object.union(
	{"topic": "business_continuity", "approved_by": "ceo@example.com", "approved_at": "2026-01-20T00:00:00Z", "due": "2027-01-20T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_plan if {
	deny([plan({})]) == set()
}

test_fail_expired if {
	deny([plan({"due": "2026-10-31T00:00:00Z"})]) == {{
		"msg": "business continuity plan PLN-BCP cannot be relied on: its review was due on 2026-10-31",
		"resource": "plan/PLN-BCP",
	}}
}

test_fail_missing if {
	[f.resource | some f in deny([plan({"topic": "ict_continuity"})])] == ["missing:plan/business_continuity"]
}

test_pass_judges_the_plan if {
	check.judged == {"plan/PLN-BCP"} with data.facts as testing.facts([plan({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([plan({"topic": "ict_continuity"})]) with data.run as run
}
