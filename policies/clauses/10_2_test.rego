package annexa.clauses.c10_2_test

import data.annexa.clauses.c10_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

closed := {
	"id": "NC-1", "raised_at": "2026-03-16T00:00:00Z", "description": "d", "status": "closed",
	"root_cause": "no template", "corrective_action": "template fixed",
	"closed_at": "2026-05-12T00:00:00Z", "effectiveness_reviewed_at": "2026-09-01T00:00:00Z",
}

open_nc(due) := {"id": "NC-2", "raised_at": "2026-09-22T00:00:00Z", "description": "d", "status": "open", "due_at": due}

register(entries) := testing.evidence("nonconformity_register", "NCR", {
	"entries": entries,
	"approved_by": "sam@example.com", "approved_at": "2026-01-05T00:00:00Z", "due": "2027-01-05T00:00:00Z",
})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_closed_with_review_and_open_in_time if {
	eval([register([closed, open_nc("2027-01-31T00:00:00Z")])]).status == "conformant"
}

test_fail_open_past_due if {
	r := eval([register([closed, open_nc("2026-11-19T00:00:00Z")])])
	r.status == "partial"
	r.gaps == {"Nonconformity NC-2, raised on 2026-09-22, is still open past its due date 2026-11-19"}
}

test_fail_closed_without_effectiveness_review if {
	r := eval([register([object.remove(closed, ["effectiveness_reviewed_at", "root_cause"])])])
	r.gaps == {"Nonconformity NC-1 is closed but does not record a review of the corrective action's effectiveness, its root cause"}
}

test_fail_no_register if {
	eval([testing.evidence("internal_audit", "IA", {"performed_at": "2026-03-16T00:00:00Z", "auditor": "a"})]).status == "nonconformant"
}
