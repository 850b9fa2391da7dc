package annexa.controls.c5_15.access_control_policy_test

import data.annexa.controls.c5_15.access_control_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

acp(attrs) := testing.evidence("policy", "ACP", object.union(
	{
		"topic": "access_control",
		"approved_by": "sam@example.com",
		"approved_at": "2026-01-19T00:00:00Z",
		"due": "2027-01-19T00:00:00Z",
		"communicated_at": "2026-01-21T00:00:00Z",
	},
	attrs,
))

test_pass_current_and_communicated if {
	count(check.deny) == 0 with data.facts as testing.facts([acp({})]) with data.run as run
}

test_pass_no_evidence if {
	count(check.deny) == 0 with data.facts as testing.facts([]) with data.run as run
}

test_fail_review_overdue if {
	check.deny == {{
		"msg": "access control policy ACP cannot be relied on: its review was due on 2026-01-19",
		"resource": "policy/ACP",
	}} with data.facts as testing.facts([acp({"due": "2026-01-19T00:00:00Z", "approved_at": "2025-01-19T00:00:00Z", "communicated_at": "2025-01-20T00:00:00Z"})])
		with data.run as run
}

test_fail_retired_without_successor if {
	[f.msg | some f in check.deny] == ["no approved access control policy is in force: ACP is retired"] with data.facts as testing.facts([acp({"status": "retired"})])
		with data.run as run
}

test_pass_judges_the_policy if {
	check.judged == {"policy/ACP"} with data.facts as testing.facts([acp({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
