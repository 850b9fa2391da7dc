package annexa.clauses.c6_1_1_test

import data.annexa.clauses.c6_1_1 as rule
import data.annexa.lib.testing

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

risk(id, treatment, controls) := {"id": id, "owner": "priya@example.com", "treatment": treatment, "controls": [{"id": c, "status": "pass"} | some c in controls]}

run(risks) := {"effective_time_ns": 1795132800000000000, "risks": {"register": "risks.yaml", "appetite": 6, "risks": risks}}

no_register := {"effective_time_ns": 1795132800000000000, "risks": null}

docs := [
	testing.evidence("document", "CTX", object.union({"topic": "context"}, approved)),
	testing.evidence("document", "IP", object.union({"topic": "interested_parties"}, approved)),
]

eval(list, r) := out if {
	out := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as r
}

test_pass_register_on_documented_context if {
	eval(docs, run([risk("R-1", "modify", ["8.24"]), risk("R-2", "retain", [])])).status == "conformant"
}

test_fail_no_register if {
	r := eval(docs, no_register)
	r.status == "nonconformant"
	r.gaps == {"No risk register: name it in annexa.yaml (risks:) or with --risks"}
}

test_fail_modify_without_controls if {
	r := eval(docs, run([risk("R-1", "modify", [])]))
	r.status == "partial"
	r.gaps == {"Risk R-1 is to be modified by controls but names none"}
}

test_fail_context_not_documented if {
	r := eval([docs[1]], run([risk("R-1", "modify", ["8.24"])]))
	r.gaps == {"Risks and opportunities do not rest on a documented context (4.1): no record is on file"}
}

test_pass_not_assessed_without_evidence_or_register if {
	eval([], no_register).status == "not_assessed"
}
