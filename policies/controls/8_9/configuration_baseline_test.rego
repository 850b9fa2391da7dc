package annexa.controls.c8_9.configuration_baseline_test

import data.annexa.controls.c8_9.configuration_baseline as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

baseline(attrs) := testing.evidence("document", "STD-BASELINES", object.union(
	{
		"topic": "configuration_baseline",
		"approved_by": "ciso@example.com",
		"approved_at": "2026-05-04T00:00:00Z",
		"review_interval": "P12M",
		"due": "2027-05-04T00:00:00Z",
	},
	attrs,
))

test_pass_current if {
	count(check.deny) == 0 with data.facts as testing.facts([baseline({})]) with data.run as now
}

test_fail_draft if {
	findings := check.deny with data.facts as testing.facts([baseline({"status": "draft"})]) with data.run as now
	{f.msg | some f in findings} == {"no approved configuration baseline is in force: STD-BASELINES is draft"}
}

test_fail_missing if {
	other := testing.evidence("document", "ISMS-SCOPE", {"topic": "isms_scope"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:document/configuration_baseline"}
}

test_pass_judges_the_baseline if {
	check.judged == {"document/STD-BASELINES"} with data.facts as testing.facts([baseline({})]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as now
}
