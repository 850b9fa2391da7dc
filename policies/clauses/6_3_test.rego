package annexa.clauses.c6_3_test

import data.annexa.clauses.c6_3 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

change(id, status, planned, extra) := object.union({"id": id, "description": "Add SIEM", "planned_at": planned, "status": status}, extra)

plan(changes) := testing.evidence("document", "CHG", object.union({"topic": "isms_changes", "changes": changes}, approved))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_changes_planned_and_approved if {
	r := eval([plan([
		change("C-1", "done", "2026-04-01T00:00:00Z", {"approved_by": "sam@example.com", "completed_at": "2026-04-20T00:00:00Z"}),
		change("C-2", "planned", "2027-02-01T00:00:00Z", {}),
	])])
	r.status == "conformant"
}

test_fail_planned_change_overdue if {
	r := eval([plan([change("C-2", "planned", "2026-10-01T00:00:00Z", {})])])
	r.status == "partial"
	r.gaps == {"Change C-2 (Add SIEM) was planned for 2026-10-01 and has not started"}
}

test_fail_change_without_approval if {
	r := eval([plan([change("C-1", "done", "2026-04-01T00:00:00Z", {})])])
	r.gaps == {"Change C-1 (Add SIEM) was made without a recorded approval (approved_by)"}
}

test_fail_no_plan if {
	eval([testing.evidence("policy", "P", {"topic": "backup"})]).status == "nonconformant"
}
