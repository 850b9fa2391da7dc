package annexa.clauses.c8_2_test

import data.annexa.clauses.c8_2 as rule
import data.annexa.lib.testing

assessment(due) := testing.evidence("document", "RA", {"topic": "risk_assessment", "approved_by": "sam@example.com", "approved_at": "2026-04-01T00:00:00Z", "due": due})

with_register := {"effective_time_ns": 1795132800000000000, "risks": {"register": "risks.yaml", "appetite": 6, "risks": [{"id": "R-1", "residual_band": "medium"}]}}

without_register := {"effective_time_ns": 1795132800000000000, "risks": null}

eval(list, r) := out if {
	out := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as r
}

test_pass_current_assessment_with_results if {
	eval([assessment("2027-04-01T00:00:00Z")], with_register).status == "conformant"
}

test_fail_assessment_overdue if {
	r := eval([assessment("2026-10-01T00:00:00Z")], with_register)
	r.status == "partial"
	r.gaps == {"Risk assessment RA cannot be relied on: its review was due on 2026-10-01"}
}

test_fail_no_register if {
	r := eval([assessment("2027-04-01T00:00:00Z")], without_register)
	r.gaps == {"The results of the risk assessment are not available: no risk register (annexa.yaml risks:, or --risks)"}
}

test_pass_register_alone_without_evidence if {
	eval([], with_register).status == "conformant"
}

test_fail_no_assessment if {
	eval([testing.evidence("policy", "P", {"topic": "backup"})], with_register).status == "nonconformant"
}
