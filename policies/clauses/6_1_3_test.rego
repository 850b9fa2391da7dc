package annexa.clauses.c6_1_3_test

import data.annexa.clauses.c6_1_3 as rule
import data.annexa.lib.testing

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

docs := [
	testing.evidence("document", "SOA", object.union({"topic": "soa"}, approved)),
	testing.evidence("document", "RTP", object.union({"topic": "risk_treatment_plan"}, approved)),
]

soa(not_stated) := {"file": "soa.yaml", "controls": [
	{"id": "5.1", "applicable": true, "justification": justification("5.1", not_stated)},
	{"id": "7.4", "applicable": false, "justification": justification("7.4", not_stated)},
]}

justification(id, not_stated) := "not stated" if id in not_stated

else := "stated"

risk(id, above, accepted, acceptance) := object.union(
	{"id": id, "residual": 12, "above_appetite": above, "accepted": accepted, "owner": "priya@example.com", "controls": []},
	acceptance,
)

run(s, risks) := {"effective_time_ns": 1795132800000000000, "soa": s, "risks": {"register": "risks.yaml", "appetite": 6, "risks": risks}}

eval(list, r) := out if {
	out := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as r
}

test_pass_soa_plan_and_accepted_risks if {
	r := eval(docs, run(soa([]), [risk("R-1", true, true, {"acceptance": {"by": "priya@example.com", "problem": ""}}), risk("R-2", false, false, {})]))
	r.status == "conformant"
}

test_fail_risk_above_appetite_not_accepted if {
	r := eval(docs, run(soa([]), [risk("R-1", true, false, {})]))
	r.status == "partial"
	r.gaps == {"Risk R-1 has a residual score of 12, above the appetite of 6, and its owner has not accepted it"}
}

test_fail_acceptance_expired if {
	r := eval(docs, run(soa([]), [risk("R-1", true, false, {"acceptance": {"by": "priya@example.com", "problem": "it expired on 2026-10-01"}})]))
	r.gaps == {"Risk R-1 has a residual score of 12, above the appetite of 6, and the acceptance by priya@example.com is not valid: it expired on 2026-10-01"}
}

test_fail_controls_without_justification if {
	r := eval(docs, run(soa(["5.1"]), []))
	r.gaps == {"Applicability file soa.yaml gives no justification for 1 control(s): 5.1"}
}

test_fail_no_soa_approval if {
	r := eval([docs[1]], run(soa([]), []))
	r.status == "nonconformant"
	r.gaps == {"No Statement of Applicability on file (a document record with topic soa)"}
}

test_fail_no_applicability_file if {
	r := eval(docs, {"effective_time_ns": 1795132800000000000, "soa": {"file": "", "controls": []}, "risks": null})
	r.gaps == {"No applicability file: name it in annexa.yaml (applicability:) or with --applicability"}
}
