# METADATA
# title: People in ISMS roles are competent
# description: |
#   Approved competence requirements (document, topic
#   competence_requirements) are in force and inside their review period
#   (major gap when none is on file, in force or approved; minor when the
#   review is overdue). They name, per role, the competence it needs and the
#   course that gives it (competences; a minor gap when none). Every holder
#   of such a role in the role register completed that course (an entry in a
#   training record with that course) within the last 36 months; each
#   holder who did not is a minor gap, as is a role nobody holds.
# custom:
#   clause: "7.2"
#   inputs:
#     evidence: ["document:competence_requirements", "role_register", "training_record"]
package annexa.clauses.c7_2

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.periodic

what := "competence requirements"

refresh_months := 36

docs := documents.in_force(["document"], "competence_requirements")

requirements := [{"record": r, "req": q} |
	some r in docs
	some q in object.get(r.attributes, "competences", [])
]

holders(role) := {e.entry.holder |
	some e in evidence.entries("role_register")
	lower(e.entry.role) == lower(role)
}

# completed is the set of people who completed a course within the window.
completed(course) := {e.person |
	some r in evidence.records("training_record")
	lower(r.attributes.course) == lower(course)
	some e in r.attributes.entries
	periodic.within(e.completed_at, refresh_months)
}

untrained contains {"record": x.record, "role": x.req.role, "course": x.req.course, "person": p} if {
	some x in requirements
	some p in holders(x.req.role)
	not p in completed(x.req.course)
}

met contains m if some m in clauses.document_met("document", "competence_requirements", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	reqs := [x | some x in requirements; x.record.id == r.id]
	count(reqs) > 0
	people := {p | some x in reqs; some p in holders(x.req.role)}
	trained := {p | some p in people; not p in {u.person | some u in untrained}}
	msg := sprintf("%s %s cover %d role(s); %d of the %d people holding them completed the course that gives their competence within %d months", [clauses.capitalize(what), r.attributes.id, count(reqs), count(trained), count(people), refresh_months])
}

gaps contains g if some g in clauses.document_gaps("document", "competence_requirements", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	count(object.get(r.attributes, "competences", [])) == 0
	msg := sprintf("%s %s name no roles (competences)", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, sprintf("%s#%s", [u.record.id, u.person])) if {
	some u in untrained
	msg := sprintf("%s holds the role %s but has not completed %s in the last %d months", [u.person, u.role, u.course, refresh_months])
}

gaps contains clauses.minor(msg, x.record.id) if {
	count(evidence.records("role_register")) > 0
	some x in requirements
	count(holders(x.req.role)) == 0
	msg := sprintf("%s %s name the role %s, which nobody holds in the role register", [clauses.capitalize(what), x.record.attributes.id, x.req.role])
}

status := clauses.status(met, gaps)
