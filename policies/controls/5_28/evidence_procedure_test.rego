package annexa.controls.c5_28.evidence_procedure_test

import data.annexa.controls.c5_28.evidence_procedure as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

procedure(attrs) := testing.evidence("procedure", "PRC-EVID", object.union(
	{"topic": "evidence_collection", "approved_by": "ciso@example.com", "approved_at": "2026-05-01T00:00:00Z", "due": "2027-05-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_procedure if {
	deny([procedure({})]) == set()
}

test_fail_without_review_period if {
	p := testing.evidence("procedure", "PRC-EVID", {"topic": "evidence_collection", "approved_by": "ciso@example.com", "approved_at": "2026-05-01T00:00:00Z"})
	[f.msg | some f in deny([p])] == ["evidence collection procedure PRC-EVID cannot be relied on: it has no review_interval or expires, so nobody knows when to review it"]
}

test_fail_missing if {
	[f.resource | some f in deny([procedure({"topic": "backup"})])] == ["missing:procedure/evidence_collection"]
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-EVID"} with data.facts as testing.facts([procedure({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([procedure({"topic": "backup"})]) with data.run as run
}
