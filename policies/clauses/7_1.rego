# METADATA
# title: Resources for the ISMS are provided
# description: |
#   An approved ISMS resource plan (document, topic isms_resources) is in
#   force and inside its review period (major gap when none is on file, in
#   force or approved; minor when its review is overdue), approved by a
#   holder of the top-management role, who decides resources (a minor gap
#   when someone else approved it).
# custom:
#   clause: "7.1"
#   inputs:
#     evidence: ["document:isms_resources", "role_register", "personnel_register"]
package annexa.clauses.c7_1

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.governance

what := "ISMS resource plan"

approved := [r |
	some r in documents.in_force(["document"], "isms_resources")
	evidence.approved(r)
]

by_top(name) if {
	some p in clauses.top_management
	governance.same_person(name, p)
}

met contains m if some m in clauses.document_met("document", "isms_resources", what)

met contains clauses.shown(msg, r.id) if {
	some r in approved
	by_top(r.attributes.approved_by)
	msg := sprintf("%s %s was approved by top management (%s)", [clauses.capitalize(what), r.attributes.id, r.attributes.approved_by])
}

gaps contains g if some g in clauses.document_gaps("document", "isms_resources", what)

gaps contains clauses.minor(msg, r.id) if {
	count(clauses.top_management) > 0
	some r in approved
	not by_top(r.attributes.approved_by)
	msg := sprintf("%s %s was approved by %s, who does not hold the top-management role", [clauses.capitalize(what), r.attributes.id, r.attributes.approved_by])
}

status := clauses.status(met, gaps)
