package annexa.clauses.c7_1_test

import data.annexa.clauses.c7_1 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

roles := testing.evidence("role_register", "ROLES", {"entries": [{"role": "CEO", "holder": "dana@example.com"}]})

plan(by) := testing.evidence("document", "RES", {"topic": "isms_resources", "approved_by": by, "approved_at": "2026-01-15T00:00:00Z", "due": "2027-01-15T00:00:00Z"})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_resources_approved_by_top_management if {
	eval([roles, plan("dana@example.com")]).status == "conformant"
}

test_fail_approved_by_someone_else if {
	r := eval([roles, plan("sam@example.com")])
	r.status == "partial"
	r.gaps == {"ISMS resource plan RES was approved by sam@example.com, who does not hold the top-management role"}
}

test_fail_no_plan if {
	r := eval([roles])
	r.status == "nonconformant"
	r.gaps == {"No ISMS resource plan on file (a document record with topic isms_resources)"}
}
