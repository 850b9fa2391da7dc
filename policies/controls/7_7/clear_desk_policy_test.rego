package annexa.controls.c7_7.clear_desk_policy_test

import data.annexa.controls.c7_7.clear_desk_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

document(attrs) := testing.evidence("policy", "POL-CLEAR-DESK", object.union(
	{"topic": "clear_desk", "approved_by": "coo@example.com", "approved_at": "2026-01-12T00:00:00Z", "due": "2027-01-12T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current if {
	deny([document({})]) == set()
}

test_fail_review_overdue if {
	deny([document({"due": "2026-11-19T00:00:00Z"})]) == {{
		"msg": "clear desk and clear screen policy POL-CLEAR-DESK cannot be relied on: its review was due on 2026-11-19",
		"resource": "policy/POL-CLEAR-DESK",
	}}
}

test_fail_retired if {
	fs := deny([document({"status": "retired"})])
	[f.msg | some f in fs] == ["no approved clear desk and clear screen policy is in force: POL-CLEAR-DESK is retired"]
}

test_fail_missing if {
	other := document({"topic": "something_else"})
	[f.resource | some f in deny([other])] == ["missing:policy/clear_desk"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-CLEAR-DESK"} with data.facts as testing.facts([document({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
