package annexa.clauses.c6_2_test

import data.annexa.clauses.c6_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

people := testing.evidence("personnel_register", "HR", {"entries": [{"id": "sam@example.com", "start_date": "2020-01-06T00:00:00Z"}]})

objective(id, due, extra) := object.union(
	{
		"id": id, "statement": "Patch critical vulnerabilities fast", "measure": "Median days to patch",
		"target": "7 days", "owner": "sam@example.com", "due_at": due,
	},
	extra,
)

record(objs) := testing.evidence("document", "OBJ", object.union({"topic": "objectives", "objectives": objs}, approved))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}, "met": {m.msg | some m in rule.met}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_objectives_evaluated_when_due if {
	r := eval([people, record([
		objective("O-1", "2026-09-30T00:00:00Z", {"evaluated_at": "2026-10-05T00:00:00Z", "result": "met"}),
		objective("O-2", "2026-12-31T00:00:00Z", {}),
	])])
	r.status == "conformant"
	"Objectives record OBJ sets 2 objective(s), each with a measure, a target, an owner and a due date; 1 evaluated, 1 met" in r.met
}

test_fail_due_objective_not_evaluated if {
	r := eval([people, record([objective("O-1", "2026-09-30T00:00:00Z", {})])])
	r.status == "partial"
	r.gaps == {"Objective O-1 (Patch critical vulnerabilities fast) was due on 2026-09-30 and has not been evaluated (evaluated_at, result)"}
}

test_pass_due_today_is_not_yet_late if {
	eval([people, record([objective("O-1", "2026-11-20T00:00:00Z", {})])]).status == "conformant"
}

test_fail_no_objectives if {
	r := eval([people, record([])])
	r.gaps == {"Objectives record OBJ sets no objectives (objectives)"}
}
