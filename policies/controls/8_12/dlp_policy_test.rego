package annexa.controls.c8_12.dlp_policy_test

import data.annexa.controls.c8_12.dlp_policy as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

policy(attrs) := testing.evidence("policy", "POL-DLP", object.union(
	{
		"topic": "data_leakage_prevention",
		"approved_by": "ciso@example.com",
		"approved_at": "2026-04-01T00:00:00Z",
		"review_interval": "P12M",
		"due": "2027-04-01T00:00:00Z",
	},
	attrs,
))

test_pass_current if {
	count(check.deny) == 0 with data.facts as testing.facts([policy({})]) with data.run as now
}

test_fail_unapproved if {
	p := testing.evidence("policy", "POL-DLP", {"topic": "data_leakage_prevention", "review_interval": "P12M"})
	findings := check.deny with data.facts as testing.facts([p]) with data.run as now
	{f.msg | some f in findings} == {"data leakage prevention policy POL-DLP cannot be relied on: it has no review_interval or expires, so nobody knows when to review it; it is not approved (approved_by and approved_at are missing)"}
}

test_fail_missing if {
	other := testing.evidence("policy", "POL-ACCESS", {"topic": "access_control"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:policy/data_leakage_prevention"}
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-DLP"} with data.facts as testing.facts([policy({})]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as now
}
