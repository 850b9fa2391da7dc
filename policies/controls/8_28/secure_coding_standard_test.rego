package annexa.controls.c8_28.secure_coding_standard_test

import data.annexa.controls.c8_28.secure_coding_standard as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

doc(kind, attrs) := testing.evidence(kind, "STD-SECURE-CODING", object.union(
	{"topic": "secure_coding", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
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
		"msg": "no secure coding standard on file",
		"resource": "missing:document/secure_coding",
		"details": {"expected_kind": "document"},
	}}
}

test_fail_overdue if {
	[f.msg | some f in deny([doc("document", {"due": "2026-11-19T00:00:00Z"})])] == ["secure coding standard STD-SECURE-CODING cannot be relied on: its review was due on 2026-11-19"]
}

test_fail_unapproved if {
	[f.msg | some f in deny([testing.evidence("document", "STD-SECURE-CODING", {"topic": "secure_coding", "due": "2027-02-01T00:00:00Z"})])] == ["secure coding standard STD-SECURE-CODING cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_standard if {
	check.judged == {"document/STD-SECURE-CODING"} with data.facts as testing.facts([doc("document", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
