package annexa.controls.c8_23.web_filtering_test

import data.annexa.controls.c8_23.web_filtering as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

doc(kind, attrs) := testing.evidence(kind, "POL-WEB-FILTER", object.union(
	{"topic": "web_filtering", "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current if {
	deny([doc("policy", {})]) == set()
}

test_fail_missing if {
	other := testing.evidence("policy", "OTHER", {"topic": "backup"})
	deny([other]) == {{
		"msg": "no web filtering policy on file",
		"resource": "missing:policy/web_filtering",
		"details": {"expected_kind": "policy"},
	}}
}

test_fail_overdue if {
	[f.msg | some f in deny([doc("policy", {"due": "2026-11-19T00:00:00Z"})])] == ["web filtering policy POL-WEB-FILTER cannot be relied on: its review was due on 2026-11-19"]
}

test_fail_unapproved if {
	[f.msg | some f in deny([testing.evidence("policy", "POL-WEB-FILTER", {"topic": "web_filtering", "due": "2027-02-01T00:00:00Z"})])] == ["web filtering policy POL-WEB-FILTER cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-WEB-FILTER"} with data.facts as testing.facts([doc("policy", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
