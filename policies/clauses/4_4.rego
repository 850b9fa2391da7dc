# METADATA
# title: The ISMS processes are established
# description: |
#   An approved description of the ISMS processes (a document record with
#   topic isms_processes) is in force and inside its review period (major
#   gap when none is on file, in force or approved; minor when its review
#   is overdue). It names the processes (processes), each with an owner; an
#   owner who is not in the personnel register, has left or has not started
#   is a minor gap.
# custom:
#   clause: "4.4"
#   inputs:
#     evidence: ["document:isms_processes", "personnel_register"]
package annexa.clauses.c4_4

import data.annexa.lib.clauses
import data.annexa.lib.documents

what := "ISMS process description"

docs := documents.in_force(["document"], "isms_processes")

met contains m if some m in clauses.document_met("document", "isms_processes", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	procs := object.get(r.attributes, "processes", [])
	count(procs) > 0
	msg := sprintf("%s %s names %d process(es): %s", [clauses.capitalize(what), r.attributes.id, count(procs), concat(", ", [p.name | some p in procs])])
}

gaps contains g if some g in clauses.document_gaps("document", "isms_processes", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	count(object.get(r.attributes, "processes", [])) == 0
	msg := sprintf("%s %s names no processes (processes)", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	some p in object.get(r.attributes, "processes", [])
	problem := clauses.person_problem(p.owner)
	msg := sprintf("%s %s: process %s is owned by %s, %s", [clauses.capitalize(what), r.attributes.id, p.name, p.owner, problem])
}

status := clauses.status(met, gaps)
