# METADATA
# title: The context of the organisation is determined
# description: |
#   An approved context record (a document record with topic context) is in
#   force and inside its review period: a major gap when none is on file, in
#   force or approved, minor when only its review is overdue. It lists at
#   least one internal and one external issue (issues), and records the
#   decision whether climate change is a relevant issue, with its rationale
#   (climate_change), as ISO/IEC 27001:2022/Amd 1:2024 requires; when it is
#   relevant, at least one issue is marked climate_related. Each missing
#   part is a minor gap.
# custom:
#   clause: "4.1"
#   inputs:
#     evidence: ["document:context"]
package annexa.clauses.c4_1

import data.annexa.lib.clauses
import data.annexa.lib.documents

what := "context record"

docs := documents.in_force(["document"], "context")

issues(r, type) := [i |
	some i in object.get(r.attributes, "issues", [])
	i.type == type
]

met contains m if some m in clauses.document_met("document", "context", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	count(issues(r, "external")) > 0
	count(issues(r, "internal")) > 0
	msg := sprintf("%s %s lists %d external and %d internal issue(s)", [clauses.capitalize(what), r.attributes.id, count(issues(r, "external")), count(issues(r, "internal"))])
}

met contains clauses.shown(msg, r.id) if {
	some r in docs
	c := r.attributes.climate_change
	msg := sprintf("%s %s decides that climate change is %s: %s", [clauses.capitalize(what), r.attributes.id, relevance[c.relevant], c.rationale])
}

relevance := {true: "a relevant issue", false: "not a relevant issue"}

gaps contains g if some g in clauses.document_gaps("document", "context", what)

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	some type in ["external", "internal"]
	count(issues(r, type)) == 0
	msg := sprintf("%s %s lists no %s issues (issues)", [clauses.capitalize(what), r.attributes.id, type])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	not r.attributes.climate_change
	msg := sprintf("%s %s does not record whether climate change is a relevant issue (climate_change), as ISO/IEC 27001:2022/Amd 1:2024 requires", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	r.attributes.climate_change.relevant == true
	count([i | some i in object.get(r.attributes, "issues", []); i.climate_related == true]) == 0
	msg := sprintf("%s %s decides that climate change is relevant but lists no climate-related issue", [clauses.capitalize(what), r.attributes.id])
}

status := clauses.status(met, gaps)
