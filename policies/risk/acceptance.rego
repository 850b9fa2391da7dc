# METADATA
# title: Residual risks above the appetite are accepted by their owners
# description: |
#   Runs after the controls, over the residual risk of every risk in the
#   register (data.run.risks, computed from the controls' effectiveness).
#   A risk whose residual score is above the risk appetite needs an
#   acceptance by its owner that is valid at the effective time; each risk
#   without one is a finding against clauses 6.1.3 (risk treatment) and 8.3
#   (its implementation), with the severity of its residual band (the
#   severity below is the highest it gives, as code scanning rates a rule
#   by it). Without a risk register nothing is judged.
# custom:
#   clauses: ["6.1.3", "8.3"]
#   severity: high
#   inputs: ["risk"]
#   remediation: >-
#     Reduce the risk further (make its controls effective, or add controls)
#     until its residual score is within the appetite, or have its owner
#     accept the residual risk with a date and an expiry (acceptance in the
#     risk register).
package annexa.risk.acceptance

# register is the risk section of the run, null without a register.
register := data.run.risks

deny contains finding if {
	some r in object.get(data.run, ["risks", "risks"], [])
	r.above_appetite
	not r.accepted
	finding := {
		"msg": sprintf("Risk %s (%s: %s) has a residual score of %d (%s), above the appetite of %d, and %s", [
			r.id, r.asset, r.threat, r.residual, r.residual_band, register.appetite, why(r),
		]),
		"resource": sprintf("risk/%s", [r.id]),
		"severity": severity[r.residual_band],
		"details": {"inherent": r.inherent, "residual": r.residual, "appetite": register.appetite, "owner": r.owner},
	}
}

# why says what is wrong with a risk's acceptance.
why(r) := sprintf("the acceptance by %s is not valid: %s", [r.acceptance.by, r.acceptance.problem]) if {
	r.acceptance
} else := "no acceptance by its owner"

severity := {"low": "low", "medium": "medium", "high": "high"}
