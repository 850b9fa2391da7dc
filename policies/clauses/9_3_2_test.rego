package annexa.clauses.c9_3_2_test

import data.annexa.clauses.c9_3_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

all_inputs := [
	"previous_actions", "issue_changes", "interested_party_changes", "nonconformities",
	"monitoring_results", "audit_results", "objectives", "interested_party_feedback",
	"risk_assessment", "improvement_opportunities",
]

review(id, date, inputs) := testing.evidence("management_review", id, {"performed_at": date, "inputs": inputs})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_all_inputs_considered if {
	eval([review("MR-2", "2026-04-20T00:00:00Z", all_inputs)]).status == "conformant"
}

test_fail_inputs_missing if {
	r := eval([review("MR-2", "2026-04-20T00:00:00Z", [i | some i in all_inputs; not i in {"audit_results", "interested_party_feedback"}])])
	r.status == "partial"
	r.gaps == {"Management review MR-2 did not consider audit results (audit_results); feedback from interested parties (interested_party_feedback)"}
}

test_fail_only_the_latest_review_counts if {
	r := eval([review("MR-1", "2025-04-20T00:00:00Z", all_inputs), review("MR-2", "2026-04-20T00:00:00Z", ["audit_results"])])
	r.status == "partial"
}

test_fail_no_inputs if {
	eval([review("MR-2", "2026-04-20T00:00:00Z", [])]).status == "nonconformant"
}
