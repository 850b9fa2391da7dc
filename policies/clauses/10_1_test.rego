package annexa.clauses.c10_1_test

import data.annexa.clauses.c10_1 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

register(closed_at) := testing.evidence("nonconformity_register", "NCR", {"entries": [{
	"id": "NC-1", "raised_at": "2025-06-01T00:00:00Z", "description": "d",
	"status": "closed", "closed_at": closed_at,
}]})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_nonconformity_closed_this_year if {
	eval([register("2026-05-12T00:00:00Z")]).status == "conformant"
}

test_pass_review_decided_improvements if {
	eval([register("2025-05-12T00:00:00Z"), testing.evidence("management_review", "MR", {"performed_at": "2026-04-20T00:00:00Z", "inputs": [], "decisions": ["Fund a SIEM"]})]).status == "conformant"
}

test_fail_nothing_improved_this_year if {
	r := eval([register("2025-05-12T00:00:00Z"), testing.evidence("management_review", "MR", {"performed_at": "2025-04-20T00:00:00Z", "inputs": [], "decisions": ["Fund a SIEM"]})])
	r.status == "nonconformant"
	r.gaps == {"Nothing shows improvement in the last 12 months: no nonconformity closed, no management review decision, no objective met"}
}
