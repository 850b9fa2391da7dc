package annexa.controls.c5_14.information_transfer_test

import data.annexa.controls.c5_14.information_transfer as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

transfer(attrs) := testing.evidence("policy", "TRF", object.union(
	{
		"topic": "information_transfer",
		"approved_by": "sam@example.com",
		"approved_at": "2026-03-16T00:00:00Z",
		"due": "2027-03-16T00:00:00Z",
		"communicated_at": "2026-03-18T00:00:00Z",
	},
	attrs,
))

test_pass_current_and_communicated if {
	count(check.deny) == 0 with data.facts as testing.facts([transfer({})]) with data.run as run
}

test_fail_communicated_before_approval if {
	check.deny == {{
		"msg": "information transfer policy TRF was approved on 2026-03-16 but was last communicated on 2025-03-18, before this version was approved",
		"resource": "policy/TRF",
	}} with data.facts as testing.facts([transfer({"communicated_at": "2025-03-18T00:00:00Z"})]) with data.run as run
}

test_fail_no_review_date if {
	[f.msg | some f in check.deny] == ["information transfer policy TRF cannot be relied on: it has no review_interval or expires, so nobody knows when to review it"] with data.facts as testing.facts([testing.evidence("policy", "TRF", object.remove(transfer({}).attributes, ["due"]))])
		with data.run as run
}

test_fail_missing if {
	[f.resource | some f in check.deny] == ["missing:policy/information_transfer"] with data.facts as testing.facts([testing.evidence("policy", "AUP", {"topic": "acceptable_use"})])
		with data.run as run
}

test_pass_judges_the_policy if {
	check.judged == {"policy/TRF"} with data.facts as testing.facts([transfer({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
