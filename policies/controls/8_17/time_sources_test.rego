package annexa.controls.c8_17.time_sources_test

import data.annexa.controls.c8_17.time_sources as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

standard(attrs) := testing.evidence("document", "STD-TIME", object.union(
	{
		"topic": "clock_synchronization",
		"approved_by": "ciso@example.com",
		"approved_at": "2026-05-04T00:00:00Z",
		"review_interval": "P12M",
		"due": "2027-05-04T00:00:00Z",
	},
	attrs,
))

test_pass_current if {
	count(check.deny) == 0 with data.facts as testing.facts([standard({})]) with data.run as now
}

test_fail_retired if {
	findings := check.deny with data.facts as testing.facts([standard({"status": "retired"})]) with data.run as now
	{f.msg | some f in findings} == {"no approved clock synchronization standard is in force: STD-TIME is retired"}
}

test_fail_missing if {
	other := testing.evidence("document", "STD-BASELINES", {"topic": "configuration_baseline"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:document/clock_synchronization"}
}

test_pass_no_evidence if {
	count(check.deny) == 0 with data.facts as testing.facts([]) with data.run as now
}

test_pass_judges_the_standard if {
	check.judged == {"document/STD-TIME"} with data.facts as testing.facts([standard({})]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as now
}
