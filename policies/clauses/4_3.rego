# METADATA
# title: The scope of the ISMS is documented
# description: |
#   An approved scope document (a document record with topic isms_scope)
#   is in force and inside its review period (a major gap when none is on
#   file, in force or approved; minor when only its review is overdue). Its
#   scope field states what is in scope, what is not, and the interfaces
#   and dependencies with activities outside it (each missing part is a
#   minor gap).
# custom:
#   clause: "4.3"
#   inputs:
#     evidence: ["document:isms_scope"]
package annexa.clauses.c4_3

import data.annexa.lib.clauses
import data.annexa.lib.documents

what := "ISMS scope"

met contains m if some m in clauses.document_met("document", "isms_scope", what)

met contains clauses.shown(msg, r.id) if {
	some r in documents.in_force(["document"], "isms_scope")
	s := r.attributes.scope
	count(object.get(s, "includes", [])) > 0
	msg := sprintf("%s %s names %d part(s) in scope, %d interface(s) and %d dependency(ies)", [
		what, r.attributes.id, count(s.includes),
		count(object.get(s, "interfaces", [])), count(object.get(s, "dependencies", [])),
	])
}

gaps contains g if some g in clauses.document_gaps("document", "isms_scope", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in documents.in_force(["document"], "isms_scope")
	some part, label in parts
	count(object.get(object.get(r.attributes, "scope", {}), part, [])) == 0
	msg := sprintf("%s %s does not state %s (scope.%s)", [clauses.capitalize(what), r.attributes.id, label, part])
}

parts := {
	"includes": "what is in scope",
	"interfaces": "the interfaces with activities outside the scope",
	"dependencies": "the dependencies on activities outside the scope",
}

status := clauses.status(met, gaps)
