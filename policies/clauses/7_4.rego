# METADATA
# title: Communication about the ISMS is planned
# description: |
#   An approved communication plan (document, topic communication_plan) is
#   in force and inside its review period (major gap when none is on file,
#   in force or approved; minor when its review is overdue). It says what is
#   communicated, to whom, when, how and by whom (communications; a minor
#   gap when empty), and each owner works for the organisation (a minor gap
#   for each who does not).
# custom:
#   clause: "7.4"
#   inputs:
#     evidence: ["document:communication_plan", "personnel_register"]
package annexa.clauses.c7_4

import data.annexa.lib.clauses
import data.annexa.lib.documents

what := "communication plan"

docs := documents.in_force(["document"], "communication_plan")

met contains m if some m in clauses.document_met("document", "communication_plan", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	comms := object.get(r.attributes, "communications", [])
	count(comms) > 0
	msg := sprintf("%s %s says what, when, to whom, how and by whom for %d subject(s)", [clauses.capitalize(what), r.attributes.id, count(comms)])
}

gaps contains g if some g in clauses.document_gaps("document", "communication_plan", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	count(object.get(r.attributes, "communications", [])) == 0
	msg := sprintf("%s %s plans no communications (communications)", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	some c in object.get(r.attributes, "communications", [])
	problem := clauses.person_problem(c.owner)
	msg := sprintf("%s %s: communication of %s is owned by %s, %s", [clauses.capitalize(what), r.attributes.id, c.subject, c.owner, problem])
}

status := clauses.status(met, gaps)
