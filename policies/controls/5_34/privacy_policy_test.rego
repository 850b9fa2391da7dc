package annexa.controls.c5_34.privacy_policy_test

import data.annexa.controls.c5_34.privacy_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

policy(attrs) := testing.evidence("policy", "POL-PRIV", object.union(
	{"topic": "privacy", "approved_by": "ceo@example.com", "approved_at": "2026-05-01T00:00:00Z", "due": "2027-05-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_policy if {
	deny([policy({})]) == set()
}

test_fail_overdue if {
	deny([policy({"due": "2026-05-01T00:00:00Z"})]) == {{
		"msg": "privacy policy POL-PRIV cannot be relied on: its review was due on 2026-05-01",
		"resource": "policy/POL-PRIV",
	}}
}

test_fail_missing if {
	[f.resource | some f in deny([policy({"topic": "records_retention"})])] == ["missing:policy/privacy"]
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-PRIV"} with data.facts as testing.facts([policy({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([policy({"topic": "records_retention"})]) with data.run as run
}
