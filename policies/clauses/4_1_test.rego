package annexa.clauses.c4_1_test

import data.annexa.clauses.c4_1 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

issues := [
	{"id": "EXT-1", "type": "external", "description": "Card fraud", "climate_related": false},
	{"id": "INT-1", "type": "internal", "description": "Small team"},
]

context(attrs) := testing.evidence("document", "CTX", object.union(object.union({"topic": "context", "issues": issues}, approved), attrs))

not_relevant := {"climate_change": {"relevant": false, "rationale": "Cloud-hosted, no physical sites at risk"}}

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_issues_and_climate_decision if {
	r := eval([context(not_relevant)])
	r.status == "conformant"
	r.gaps == set()
}

test_pass_climate_relevant_with_a_climate_issue if {
	i := array.concat(issues, [{"id": "EXT-2", "type": "external", "description": "Heatwaves at the data centre region", "climate_related": true}])
	eval([context({"issues": i, "climate_change": {"relevant": true, "rationale": "Supplier data centres"}})]).status == "conformant"
}

test_fail_no_climate_decision if {
	r := eval([context({})])
	r.status == "partial"
	r.gaps == {"Context record CTX does not record whether climate change is a relevant issue (climate_change), as ISO/IEC 27001:2022/Amd 1:2024 requires"}
}

test_fail_climate_relevant_without_issue if {
	r := eval([context({"climate_change": {"relevant": true, "rationale": "Flood risk"}})])
	r.gaps == {"Context record CTX decides that climate change is relevant but lists no climate-related issue"}
}

test_fail_no_internal_issues if {
	r := eval([context(object.union(not_relevant, {"issues": [issues[0]]}))])
	r.status == "partial"
	r.gaps == {"Context record CTX lists no internal issues (issues)"}
}

test_fail_missing_record if {
	other := testing.evidence("policy", "P", {"topic": "backup"})
	eval([other]).status == "nonconformant"
}

test_pass_not_assessed_without_evidence if {
	eval([]).status == "not_assessed"
}
