# METADATA
# title: The risk treatment plan is implemented
# description: |
#   Every risk whose residual score is above the appetite has an acceptance
#   by its owner that is valid at the effective time, and the controls of
#   each risk treated by modification (treatment modify) are in place: a
#   control that fails, is excluded in the SoA or could not be evaluated is
#   a minor gap for the risk, as is each risk above the appetite without a
#   valid acceptance. The controls of a risk that is retained, avoided or
#   shared are not its treatment. Without a risk register there is nothing
#   to judge.
# custom:
#   clause: "8.3"
#   inputs:
#     declarations: ["risk register"]
package annexa.clauses.c8_3

import data.annexa.lib.clauses

appetite := data.run.risks.appetite

within := [r | some r in clauses.risks; not r.above_appetite]

accepted := [r | some r in clauses.risks; r.above_appetite; r.accepted]

broken(r) := sort([c.id |
	some c in r.controls
	c.status in {"fail", "waived", "not_applicable", "error"}
])

met contains clauses.shown("The risk register names no risks", "risk_register") if {
	clauses.register_declared
	count(clauses.risks) == 0
}

met contains clauses.shown_all(msg, [clauses.risk_ref(r) | some r in array.concat(within, accepted)]) if {
	count(within) + count(accepted) > 0
	msg := sprintf("%d of %d risk(s) are within the appetite of %d or accepted by their owners", [count(within) + count(accepted), count(clauses.risks), appetite])
}

met contains clauses.shown_all(msg, [clauses.risk_ref(r) | some r in in_place]) if {
	count(in_place) > 0
	msg := sprintf("The controls of %d risk(s) treated by modification are in place: %s", [count(in_place), concat(", ", [r.id | some r in in_place])])
}

in_place := [r |
	some r in clauses.risks
	r.treatment == "modify"
	count(r.controls) > 0
	count(broken(r)) == 0
]

gaps contains clauses.minor(msg, clauses.risk_ref(r)) if {
	some r in clauses.risks
	r.above_appetite
	not r.accepted
	msg := sprintf("Risk %s has a residual score of %d (%s), above the appetite of %d, and no valid acceptance", [r.id, r.residual, r.residual_band, appetite])
}

gaps contains clauses.minor(msg, clauses.risk_ref(r)) if {
	some r in clauses.risks
	r.treatment == "modify"
	ids := broken(r)
	count(ids) > 0
	msg := sprintf("Risk %s is treated with control(s) %s, which fail, are excluded or could not be evaluated", [r.id, concat(", ", [sprintf("A.%s", [id]) | some id in ids])])
}

status := clauses.status(met, gaps)
