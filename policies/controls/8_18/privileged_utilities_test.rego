package annexa.controls.c8_18.privileged_utilities_test

import data.annexa.controls.c8_18.privileged_utilities as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

doc(kind, attrs) := testing.evidence(kind, "PRC-UTIL", object.union(
	{"topic": "privileged_utilities", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_procedure if {
	deny([doc("procedure", {})]) == set()
}

test_pass_current_policy if {
	deny([doc("policy", {})]) == set()
}

test_fail_missing if {
	other := testing.evidence("procedure", "P", {"topic": "backup"})
	deny([other]) == {{
		"msg": "no procedure for privileged utility programs on file",
		"resource": "missing:procedure/privileged_utilities",
		"details": {"expected_kind": "procedure"},
	}}
}

test_fail_overdue if {
	[f.msg | some f in deny([doc("procedure", {"due": "2026-11-19T00:00:00Z"})])] == ["procedure for privileged utility programs PRC-UTIL cannot be relied on: its review was due on 2026-11-19"]
}

test_fail_draft_only if {
	[f.msg | some f in deny([doc("procedure", {"status": "draft"})])] == ["no approved procedure for privileged utility programs is in force: PRC-UTIL is draft"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-UTIL"} with data.facts as testing.facts([doc("procedure", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
