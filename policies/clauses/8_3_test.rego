package annexa.clauses.c8_3_test

import data.annexa.clauses.c8_3 as rule

risk(id, residual, above, accepted, controls) := {
	"id": id, "residual": residual, "residual_band": "medium", "above_appetite": above, "accepted": accepted, "treatment": "modify",
	"controls": [{"id": c, "status": s} | some c, s in controls],
}

run(risks) := {"effective_time_ns": 1795132800000000000, "risks": {"register": "risks.yaml", "appetite": 6, "risks": risks}}

eval(risks) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.run as run(risks)
}

test_pass_within_appetite_or_accepted if {
	r := eval([risk("R-1", 4, false, false, {"8.24": "pass"}), risk("R-2", 10, true, true, {"8.13": "pass"})])
	r.status == "conformant"
}

test_fail_above_appetite_not_accepted if {
	r := eval([risk("R-1", 4, false, false, {"8.24": "pass"}), risk("R-2", 10, true, false, {"8.13": "pass"})])
	r.status == "partial"
	r.gaps == {"Risk R-2 has a residual score of 10 (medium), above the appetite of 6, and no valid acceptance"}
}

test_fail_control_fails if {
	r := eval([risk("R-1", 4, false, false, {"8.24": "fail", "8.5": "pass", "7.4": "not_applicable"})])
	r.gaps == {"Risk R-1 is treated with control(s) A.7.4, A.8.24, which fail, are excluded or could not be evaluated"}
}

test_pass_not_assessed_without_register if {
	r := {"status": rule.status} with data.run as {"effective_time_ns": 1, "risks": null}
	r.status == "not_assessed"
}

test_pass_controls_of_a_retained_risk_are_not_its_treatment if {
	retained := object.union(risk("R-1", 4, false, false, {"7.7": "fail"}), {"treatment": "retain"})
	eval([retained, risk("R-2", 4, false, false, {"8.24": "pass"})]).status == "conformant"
}
