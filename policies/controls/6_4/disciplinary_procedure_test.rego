package annexa.controls.c6_4.disciplinary_procedure_test

import data.annexa.controls.c6_4.disciplinary_procedure as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

procedure(attrs) := testing.evidence("procedure", "PRC-DISC", object.union({"topic": "disciplinary"}, attrs))

current := {
	"approved_by": "coo@example.com",
	"approved_at": "2026-01-15T00:00:00Z",
	"due": "2027-01-15T00:00:00Z",
}

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_procedure if {
	deny([procedure(current)]) == set()
}

test_fail_review_overdue if {
	deny([procedure(object.union(current, {"due": "2026-11-01T00:00:00Z"}))]) == {{
		"msg": "disciplinary procedure PRC-DISC cannot be relied on: its review was due on 2026-11-01",
		"resource": "procedure/PRC-DISC",
	}}
}

test_fail_draft if {
	fs := deny([procedure(object.union(current, {"status": "draft"}))])
	[f.msg | some f in fs] == ["no approved disciplinary procedure is in force: PRC-DISC is draft"]
}

test_fail_missing if {
	other := testing.evidence("procedure", "PRC-X", object.union(current, {"topic": "backup"}))
	[f.resource | some f in deny([other])] == ["missing:procedure/disciplinary"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/PRC-DISC"} with data.facts as testing.facts([procedure(current)]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
