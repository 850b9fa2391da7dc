package annexa.controls.c7_6.secure_areas_procedure_test

import data.annexa.controls.c7_6.secure_areas_procedure as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

document(attrs) := testing.evidence("procedure", "PRC-SECURE", object.union(
	{"topic": "secure_areas", "approved_by": "coo@example.com", "approved_at": "2026-01-12T00:00:00Z", "due": "2027-01-12T00:00:00Z"},
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
		"msg": "secure areas procedure PRC-SECURE cannot be relied on: its review was due on 2026-11-19",
		"resource": "procedure/PRC-SECURE",
	}}
}

test_fail_retired if {
	fs := deny([document({"status": "retired"})])
	[f.msg | some f in fs] == ["no approved secure areas procedure is in force: PRC-SECURE is retired"]
}

test_fail_missing if {
	other := document({"topic": "something_else"})
	[f.resource | some f in deny([other])] == ["missing:procedure/secure_areas"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-SECURE"} with data.facts as testing.facts([document({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
