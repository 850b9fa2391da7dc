# METADATA
# title: Information security objectives are set and measured
# description: |
#   An approved objectives record (document, topic objectives) is in force
#   and inside its review period (major gap when none is on file, in force or
#   approved; minor when its review is overdue). It sets objectives
#   (objectives; minor gap when none), each with a measure, a target, an
#   owner and a due date. An objective whose due date has passed and that
#   has not been evaluated (evaluated_at and result) is a minor gap, as is
#   an owner who does not work for the organisation.
# custom:
#   clause: "6.2"
#   inputs:
#     evidence: ["document:objectives", "personnel_register"]
package annexa.clauses.c6_2

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "objectives record"

docs := documents.in_force(["document"], "objectives")

met contains m if some m in clauses.document_met("document", "objectives", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	objs := object.get(r.attributes, "objectives", [])
	count(objs) > 0
	done := [o | some o in objs; evaluated(o)]
	achieved := [o | some o in done; o.result == "met"]
	msg := sprintf("%s %s sets %d objective(s), each with a measure, a target, an owner and a due date; %d evaluated, %d met", [clauses.capitalize(what), r.attributes.id, count(objs), count(done), count(achieved)])
}

evaluated(o) if {
	o.evaluated_at
	o.result
	not evidence.in_future(o.evaluated_at)
}

gaps contains g if some g in clauses.document_gaps("document", "objectives", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	count(object.get(r.attributes, "objectives", [])) == 0
	msg := sprintf("%s %s sets no objectives (objectives)", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, sprintf("%s#%s", [r.id, o.id])) if {
	some r in docs
	some o in object.get(r.attributes, "objectives", [])
	evidence.ns(o.due_at) < evidence.now_ns
	not evaluated(o)
	msg := sprintf("Objective %s (%s) was due on %s and has not been evaluated (evaluated_at, result)", [o.id, o.statement, evidence.day(o.due_at)])
}

gaps contains clauses.minor(msg, sprintf("%s#%s", [r.id, o.id])) if {
	some r in docs
	some o in object.get(r.attributes, "objectives", [])
	problem := clauses.person_problem(o.owner)
	msg := sprintf("Objective %s is owned by %s, %s", [o.id, o.owner, problem])
}

status := clauses.status(met, gaps)
