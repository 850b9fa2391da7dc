package annexa.clauses.c6_1_2_test

import data.annexa.clauses.c6_1_2 as rule
import data.annexa.lib.testing

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "priya@example.com", "start_date": "2020-01-06T00:00:00Z"},
	{"id": "kev@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

methodology(criteria) := testing.evidence("document", "RM", object.union({"topic": "risk_methodology", "risk_criteria": criteria}, approved))

assessment := testing.evidence("document", "RA", object.union({"topic": "risk_assessment"}, approved))

run(owner) := {"effective_time_ns": 1795132800000000000, "risks": {"register": "risks.yaml", "appetite": 6, "risks": [{"id": "R-1", "owner": owner, "controls": []}]}}

eval(list, r) := out if {
	out := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as r
}

criteria := {"acceptance": "Residual 6 or below is accepted", "appetite": 6}

test_pass_methodology_assessment_and_owners if {
	eval([people, methodology(criteria), assessment], run("priya@example.com")).status == "conformant"
}

test_fail_appetite_differs if {
	r := eval([people, methodology({"acceptance": "x", "appetite": 8}), assessment], run("priya@example.com"))
	r.status == "partial"
	r.gaps == {"Risk methodology RM sets an appetite of 8, but annexa applies 6 (risk.appetite in annexa.yaml, or --risk-appetite)"}
}

test_fail_owner_left if {
	r := eval([people, methodology(criteria), assessment], run("kev@example.com"))
	r.gaps == {"Risk R-1 is owned by kev@example.com, who left on 2026-08-29"}
}

test_fail_no_acceptance_criteria if {
	m := testing.evidence("document", "RM", object.union({"topic": "risk_methodology"}, approved))
	r := eval([people, m, assessment], run("priya@example.com"))
	r.gaps == {"Risk methodology RM does not state the risk acceptance criteria (risk_criteria.acceptance)"}
}

test_fail_no_assessment if {
	r := eval([people, methodology(criteria)], run("priya@example.com"))
	r.status == "nonconformant"
	r.gaps == {"No risk assessment on file (a document record with topic risk_assessment)"}
}
