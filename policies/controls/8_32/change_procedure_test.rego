package annexa.controls.c8_32.change_procedure_test

import data.annexa.controls.c8_32.change_procedure as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

doc(kind, attrs) := testing.evidence(kind, "PRC-CHANGE", object.union(
	{"topic": "change_management", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current if {
	deny([doc("procedure", {})]) == set()
}

test_fail_missing if {
	other := testing.evidence("procedure", "OTHER", {"topic": "backup"})
	deny([other]) == {{
		"msg": "no change management procedure on file",
		"resource": "missing:procedure/change_management",
		"details": {"expected_kind": "procedure"},
	}}
}

test_fail_overdue if {
	[f.msg | some f in deny([doc("procedure", {"due": "2026-11-19T00:00:00Z"})])] == ["change management procedure PRC-CHANGE cannot be relied on: its review was due on 2026-11-19"]
}

test_fail_unapproved if {
	[f.msg | some f in deny([testing.evidence("procedure", "PRC-CHANGE", {"topic": "change_management", "due": "2027-02-01T00:00:00Z"})])] == ["change management procedure PRC-CHANGE cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-CHANGE"} with data.facts as testing.facts([doc("procedure", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
