package annexa.clauses.c4_4_test

import data.annexa.clauses.c4_4 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "sam@example.com", "start_date": "2020-01-06T00:00:00Z"},
	{"id": "kev@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

procs(owner) := testing.evidence("document", "PROC", object.union(
	{"topic": "isms_processes", "processes": [
		{"name": "Risk management", "owner": "sam@example.com"},
		{"name": "Internal audit", "owner": owner},
	]},
	approved,
))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_processes_with_active_owners if {
	eval([people, procs("sam@example.com")]).status == "conformant"
}

test_fail_owner_has_left if {
	r := eval([people, procs("kev@example.com")])
	r.status == "partial"
	r.gaps == {"ISMS process description PROC: process Internal audit is owned by kev@example.com, who left on 2026-08-29"}
}

test_fail_no_processes if {
	d := testing.evidence("document", "PROC", object.union({"topic": "isms_processes"}, approved))
	eval([people, d]).gaps == {"ISMS process description PROC names no processes (processes)"}
}
