package annexa.controls.c8_27.engineering_principles_test

import data.annexa.controls.c8_27.engineering_principles as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

doc(kind, attrs) := testing.evidence(kind, "DOC-SEC-ENG", object.union(
	{"topic": "secure_engineering_principles", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current if {
	deny([doc("document", {})]) == set()
}

test_fail_missing if {
	other := testing.evidence("document", "OTHER", {"topic": "backup"})
	deny([other]) == {{
		"msg": "no secure engineering principles on file",
		"resource": "missing:document/secure_engineering_principles",
		"details": {"expected_kind": "document"},
	}}
}

test_fail_overdue if {
	[f.msg | some f in deny([doc("document", {"due": "2026-11-19T00:00:00Z"})])] == ["secure engineering principles DOC-SEC-ENG cannot be relied on: its review was due on 2026-11-19"]
}

test_fail_unapproved if {
	[f.msg | some f in deny([testing.evidence("document", "DOC-SEC-ENG", {"topic": "secure_engineering_principles", "due": "2027-02-01T00:00:00Z"})])] == ["secure engineering principles DOC-SEC-ENG cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_principles if {
	check.judged == {"document/DOC-SEC-ENG"} with data.facts as testing.facts([doc("document", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
