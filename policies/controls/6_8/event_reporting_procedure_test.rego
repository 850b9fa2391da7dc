package annexa.controls.c6_8.event_reporting_procedure_test

import data.annexa.controls.c6_8.event_reporting_procedure as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

procedure(attrs) := testing.evidence("procedure", "PRC-EVENTS", object.union(
	{"topic": "event_reporting", "approved_by": "ciso@example.com", "approved_at": "2026-04-01T00:00:00Z", "due": "2027-04-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current if {
	deny([procedure({})]) == set()
}

test_fail_unapproved if {
	p := testing.evidence("procedure", "PRC-EVENTS", {"topic": "event_reporting", "due": "2027-04-01T00:00:00Z"})
	[f.msg | some f in deny([p])] == ["event reporting procedure PRC-EVENTS cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_fail_without_review_period if {
	p := testing.evidence("procedure", "PRC-EVENTS", {"topic": "event_reporting", "approved_by": "ciso@example.com", "approved_at": "2026-04-01T00:00:00Z"})
	[f.msg | some f in deny([p])] == ["event reporting procedure PRC-EVENTS cannot be relied on: it has no review_interval or expires, so nobody knows when to review it"]
}

test_fail_missing if {
	other := procedure({"topic": "incident_response"})
	[f.resource | some f in deny([other])] == ["missing:procedure/event_reporting"]
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-EVENTS"} with data.facts as testing.facts([procedure({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([procedure({"topic": "incident_response"})]) with data.run as run
}
