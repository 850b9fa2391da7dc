package annexa.controls.c5_33.records_policy_test

import data.annexa.controls.c5_33.records_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

policy(attrs) := testing.evidence("policy", "POL-REC", object.union(
	{"topic": "records_retention", "approved_by": "coo@example.com", "approved_at": "2026-04-01T00:00:00Z", "due": "2027-04-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_policy if {
	deny([policy({})]) == set()
}

test_fail_unapproved if {
	p := testing.evidence("policy", "POL-REC", {"topic": "records_retention", "due": "2027-04-01T00:00:00Z"})
	[f.msg | some f in deny([p])] == ["records retention policy POL-REC cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_fail_missing if {
	[f.resource | some f in deny([policy({"topic": "privacy"})])] == ["missing:policy/records_retention"]
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-REC"} with data.facts as testing.facts([policy({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([policy({"topic": "privacy"})]) with data.run as run
}
