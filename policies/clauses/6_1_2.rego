# METADATA
# title: The risk assessment process is defined and applied
# description: |
#   An approved risk methodology (document, topic risk_methodology) and an
#   approved risk assessment (document, topic risk_assessment) are in force
#   and inside their review periods (major gap when either is not on file,
#   in force or approved; minor when a review is overdue). The methodology
#   states the risk acceptance criteria (risk_criteria.acceptance; minor gap
#   when not) and, when it states an appetite, it is the one annexa applies
#   (minor gap when they differ). Every risk owner in the register works
#   for the organisation (minor gap for each who does not).
# custom:
#   clause: "6.1.2"
#   inputs:
#     evidence: ["document:risk_methodology", "document:risk_assessment", "personnel_register"]
#     declarations: ["risk register"]
package annexa.clauses.c6_1_2

import data.annexa.lib.clauses
import data.annexa.lib.documents

methodology := "risk methodology"

assessment := "risk assessment"

methods := documents.in_force(["document"], "risk_methodology")

met contains m if some m in clauses.document_met("document", "risk_methodology", methodology)

met contains m if some m in clauses.document_met("document", "risk_assessment", assessment)

met contains clauses.shown(msg, r.id) if {
	some r in methods
	r.attributes.risk_criteria.acceptance
	msg := sprintf("%s %s states the risk acceptance criteria", [clauses.capitalize(methodology), r.attributes.id])
}

met contains clauses.shown(msg, r.id) if {
	some r in methods
	r.attributes.risk_criteria.appetite == data.run.risks.appetite
	msg := sprintf("%s %s sets the appetite annexa applies, a residual score of %d", [clauses.capitalize(methodology), r.attributes.id, data.run.risks.appetite])
}

met contains clauses.shown(msg, "risk_register") if {
	count(clauses.risks) > 0
	count(unowned) == 0
	msg := sprintf("Every one of the %d risks has an owner who works for the organisation", [count(clauses.risks)])
}

unowned contains r.id if {
	some r in clauses.risks
	clauses.person_problem(r.owner)
}

gaps contains g if some g in clauses.document_gaps("document", "risk_methodology", methodology)

gaps contains g if some g in clauses.document_gaps("document", "risk_assessment", assessment)

gaps contains clauses.minor(msg, r.id) if {
	some r in methods
	not r.attributes.risk_criteria.acceptance
	msg := sprintf("%s %s does not state the risk acceptance criteria (risk_criteria.acceptance)", [clauses.capitalize(methodology), r.attributes.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in methods
	clauses.register_declared
	appetite := r.attributes.risk_criteria.appetite
	appetite != data.run.risks.appetite
	msg := sprintf("%s %s sets an appetite of %d, but annexa applies %d (risk.appetite in annexa.yaml, or --risk-appetite)", [clauses.capitalize(methodology), r.attributes.id, appetite, data.run.risks.appetite])
}

gaps contains clauses.minor(msg, clauses.risk_ref(r)) if {
	some r in clauses.risks
	problem := clauses.person_problem(r.owner)
	msg := sprintf("Risk %s is owned by %s, %s", [r.id, r.owner, problem])
}

status := clauses.status(met, gaps)
