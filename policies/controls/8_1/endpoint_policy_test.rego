package annexa.controls.c8_1.endpoint_policy_test

import data.annexa.controls.c8_1.endpoint_policy as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

policy(attrs) := testing.evidence("policy", "POL-ENDPOINT", object.union(
	{
		"topic": "user_endpoint_devices",
		"approved_by": "ciso@example.com",
		"approved_at": "2026-02-10T00:00:00Z",
		"review_interval": "P12M",
		"due": "2027-02-10T00:00:00Z",
	},
	attrs,
))

test_pass_current_policy if {
	count(check.deny) == 0 with data.facts as testing.facts([policy({})]) with data.run as now
}

test_fail_overdue if {
	findings := check.deny with data.facts as testing.facts([policy({"due": "2026-11-01T00:00:00Z"})]) with data.run as now
	{f.msg | some f in findings} == {"user endpoint device policy POL-ENDPOINT cannot be relied on: its review was due on 2026-11-01"}
}

test_fail_missing if {
	other := testing.evidence("policy", "POL-ACCESS", {"topic": "access_control"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:policy/user_endpoint_devices"}
}

test_pass_no_evidence if {
	count(check.deny) == 0 with data.facts as testing.facts([]) with data.run as now
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-ENDPOINT"} with data.facts as testing.facts([policy({})]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as now
}
