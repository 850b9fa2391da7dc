# METADATA
# title: Interested parties and their requirements are determined
# description: |
#   An approved interested-parties record (a document record with topic
#   interested_parties) is in force and inside its review period (major gap
#   when none is on file, in force or approved; minor when its review is
#   overdue). It names at least one party (parties), and each party states
#   its requirements and whether the ISMS addresses each one; a party
#   without requirements is a minor gap. Requirements marked
#   climate_related are reported, as Amd 1:2024 notes parties may have
#   them.
# custom:
#   clause: "4.2"
#   inputs:
#     evidence: ["document:interested_parties"]
package annexa.clauses.c4_2

import data.annexa.lib.clauses
import data.annexa.lib.documents

what := "interested parties record"

docs := documents.in_force(["document"], "interested_parties")

met contains m if some m in clauses.document_met("document", "interested_parties", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	parties := object.get(r.attributes, "parties", [])
	count(parties) > 0
	reqs := [q | some p in parties; some q in p.requirements]
	addressed := [q | some q in reqs; q.addressed == true]
	msg := sprintf("%s %s names %d interested part(ies) with %d requirement(s), %d of them addressed by the ISMS", [clauses.capitalize(what), r.attributes.id, count(parties), count(reqs), count(addressed)])
}

met contains clauses.shown(msg, r.id) if {
	some r in docs
	climate := {p.name |
		some p in object.get(r.attributes, "parties", [])
		some q in p.requirements
		q.climate_related == true
	}
	count(climate) > 0
	msg := sprintf("%s %s notes climate-related requirements of %s", [clauses.capitalize(what), r.attributes.id, concat(", ", sort(climate))])
}

gaps contains g if some g in clauses.document_gaps("document", "interested_parties", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	count(object.get(r.attributes, "parties", [])) == 0
	msg := sprintf("%s %s names no interested parties (parties)", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	some p in object.get(r.attributes, "parties", [])
	count(p.requirements) == 0
	msg := sprintf("%s %s: %s states no requirements", [clauses.capitalize(what), r.attributes.id, p.name])
}

status := clauses.status(met, gaps)
