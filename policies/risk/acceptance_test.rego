package annexa.risk.acceptance_test

import data.annexa.risk.acceptance

risk(id, band, above, accepted) := {
	"id": id, "asset": "payments API", "threat": "credential stuffing", "owner": "priya@example.com",
	"inherent": 20, "residual": 16, "residual_band": band, "above_appetite": above, "accepted": accepted,
}

run(risks) := {"risks": {"register": "risks.yaml", "appetite": 6, "method": "score", "risks": risks}}

test_pass_within_appetite_or_accepted if {
	r := [risk("R-1", "low", false, false), object.union(risk("R-2", "high", true, true), {"acceptance": {"by": "priya@example.com"}})]
	count(acceptance.deny) == 0 with data.run as run(r)
}

test_fail_above_appetite_without_acceptance if {
	fs := acceptance.deny with data.run as run([risk("R-1", "high", true, false)])
	fs == {{
		"msg": "Risk R-1 (payments API: credential stuffing) has a residual score of 16 (high), above the appetite of 6, and no acceptance by its owner",
		"resource": "risk/R-1",
		"severity": "high",
		"details": {"inherent": 20, "residual": 16, "appetite": 6, "owner": "priya@example.com"},
	}}
}

test_fail_expired_acceptance_names_the_problem if {
	r := object.union(risk("R-1", "medium", true, false), {"acceptance": {"by": "priya@example.com", "problem": "it expired on 2026-10-01"}})
	some f in acceptance.deny with data.run as run([r])
	f.msg == "Risk R-1 (payments API: credential stuffing) has a residual score of 16 (medium), above the appetite of 6, and the acceptance by priya@example.com is not valid: it expired on 2026-10-01"
	f.severity == "medium"
}

test_pass_no_register_judges_nothing if {
	count(acceptance.deny) == 0 with data.run as {"risks": null}
}
