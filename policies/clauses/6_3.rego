# METADATA
# title: Changes to the ISMS are planned
# description: |
#   An approved ISMS change plan (document, topic isms_changes) is in force
#   and inside its review period (major gap when none is on file, in force
#   or approved; minor when its review is overdue). Each change it lists
#   has a plan date; a change still planned after that date, and a change
#   done without a recorded approval (approved_by), are minor gaps.
# custom:
#   clause: "6.3"
#   inputs:
#     evidence: ["document:isms_changes"]
package annexa.clauses.c6_3

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "ISMS change plan"

docs := documents.in_force(["document"], "isms_changes")

met contains m if some m in clauses.document_met("document", "isms_changes", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	changes := object.get(r.attributes, "changes", [])
	done := [c | some c in changes; c.status == "done"]
	msg := sprintf("%s %s plans %d change(s), %d done", [clauses.capitalize(what), r.attributes.id, count(changes), count(done)])
}

gaps contains g if some g in clauses.document_gaps("document", "isms_changes", what)

gaps contains clauses.minor(msg, sprintf("%s#%s", [r.id, c.id])) if {
	some r in docs
	some c in object.get(r.attributes, "changes", [])
	c.status == "planned"
	evidence.ns(c.planned_at) < evidence.now_ns
	msg := sprintf("Change %s (%s) was planned for %s and has not started", [c.id, c.description, evidence.day(c.planned_at)])
}

gaps contains clauses.minor(msg, sprintf("%s#%s", [r.id, c.id])) if {
	some r in docs
	some c in object.get(r.attributes, "changes", [])
	c.status == "done"
	not c.approved_by
	msg := sprintf("Change %s (%s) was made without a recorded approval (approved_by)", [c.id, c.description])
}

status := clauses.status(met, gaps)
