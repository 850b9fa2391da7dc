package annexa.controls.c5_32.ip_procedure_test

import data.annexa.controls.c5_32.ip_procedure as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

procedure(attrs) := testing.evidence("procedure", "PRC-IP", object.union(
	{"topic": "intellectual_property", "approved_by": "coo@example.com", "approved_at": "2026-03-01T00:00:00Z", "due": "2028-03-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_procedure if {
	deny([procedure({})]) == set()
}

test_fail_overdue if {
	[f.msg | some f in deny([procedure({"due": "2026-03-01T00:00:00Z"})])] == ["intellectual property procedure PRC-IP cannot be relied on: its review was due on 2026-03-01"]
}

test_fail_missing if {
	[f.resource | some f in deny([procedure({"topic": "backup"})])] == ["missing:procedure/intellectual_property"]
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-IP"} with data.facts as testing.facts([procedure({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([procedure({"topic": "backup"})]) with data.run as run
}
