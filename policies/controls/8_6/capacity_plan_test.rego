package annexa.controls.c8_6.capacity_plan_test

import data.annexa.controls.c8_6.capacity_plan as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

plan(attrs) := testing.evidence("plan", "PLAN-CAPACITY", object.union(
	{
		"topic": "capacity",
		"approved_by": "cto@example.com",
		"approved_at": "2026-03-02T00:00:00Z",
		"reviewed_at": "2026-09-28T00:00:00Z",
		"review_interval": "P6M",
		"due": "2027-03-28T00:00:00Z",
	},
	attrs,
))

test_pass_reviewed if {
	count(check.deny) == 0 with data.facts as testing.facts([plan({})]) with data.run as now
}

test_fail_review_overdue if {
	findings := check.deny with data.facts as testing.facts([plan({"reviewed_at": "2026-03-02T00:00:00Z", "due": "2026-09-02T00:00:00Z"})]) with data.run as now
	{f.msg | some f in findings} == {"capacity plan PLAN-CAPACITY cannot be relied on: its review was due on 2026-09-02"}
}

test_fail_missing if {
	other := testing.evidence("plan", "PLAN-BCP", {"topic": "business_continuity"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:plan/capacity"}
}

test_pass_judges_the_plan if {
	check.judged == {"plan/PLAN-CAPACITY"} with data.facts as testing.facts([plan({})]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as now
}
