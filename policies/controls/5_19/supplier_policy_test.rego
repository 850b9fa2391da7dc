package annexa.controls.c5_19.supplier_policy_test

import data.annexa.controls.c5_19.supplier_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

policy(attrs) := testing.evidence("policy", "POL-SUP", object.union(
	{"topic": "supplier_security", "approved_by": "coo@example.com", "approved_at": "2026-03-01T00:00:00Z", "due": "2027-03-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_policy if {
	deny([policy({})]) == set()
}

test_fail_review_overdue if {
	deny([policy({"due": "2026-11-19T00:00:00Z"})]) == {{
		"msg": "supplier security policy POL-SUP cannot be relied on: its review was due on 2026-11-19",
		"resource": "policy/POL-SUP",
	}}
}

test_pass_due_today if {
	deny([policy({"due": "2026-11-20T00:00:00Z"})]) == set()
}

test_fail_retired if {
	[f.msg | some f in deny([policy({"status": "retired"})])] == ["no approved supplier security policy is in force: POL-SUP is retired"]
}

test_fail_missing if {
	other := policy({"topic": "access_control"})
	[f.resource | some f in deny([other])] == ["missing:policy/supplier_security"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-SUP"} with data.facts as testing.facts([policy({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
