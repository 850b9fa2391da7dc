package annexa.clauses.c7_5_1_test

import data.annexa.clauses.c7_5_1 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

topics := ["isms_scope", "risk_methodology", "risk_treatment_plan", "soa", "objectives", "risk_assessment", "monitoring_measurement", "audit_programme"]

all_on_file := array.concat([testing.evidence("document", upper(t), {"topic": t}) | some t in topics], [
	testing.evidence("policy", "POL", {"topic": "information_security"}),
	testing.evidence("training_record", "TR", {"course": "c", "entries": []}),
	testing.evidence("internal_audit", "IA", {"performed_at": "2026-03-01T00:00:00Z", "auditor": "a"}),
	testing.evidence("management_review", "MR", {"performed_at": "2026-06-01T00:00:00Z", "inputs": []}),
	testing.evidence("nonconformity_register", "NC", {"entries": []}),
])

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}, "met": count(rule.met)} with data.facts as testing.facts(list) with data.run as run
}

test_pass_everything_on_file if {
	r := eval(all_on_file)
	r.status == "conformant"
	r.met == 13
}

test_fail_scope_missing if {
	r := eval([d | some d in all_on_file; d.id != "document/ISMS_SCOPE"])
	r.status == "partial"
	r.gaps == {"Not on file: the ISMS scope (4.3) (a document record with topic isms_scope)"}
}

test_fail_retired_review_does_not_count if {
	rest := [d | some d in all_on_file; d.type != "management_review"]
	r := eval(array.concat(rest, [testing.evidence("management_review", "MR", {"performed_at": "2026-06-01T00:00:00Z", "inputs": [], "status": "retired"})]))
	r.gaps == {"Not on file: the results of management reviews (9.3.3) (a management_review record)"}
}

test_pass_not_assessed_without_evidence if {
	eval([]).status == "not_assessed"
}
