# METADATA
# title: The ISMS is continually improved
# description: |
#   Within the last 12 months the ISMS shows improvement: nonconformities
#   were closed, the latest management review (held within 12 months)
#   decided on improvements, or objectives were evaluated as met. When the
#   run declares evidence and shows none of these, that is a major gap.
# custom:
#   clause: "10.1"
#   inputs:
#     evidence: ["nonconformity_register", "management_review", "document:objectives"]
package annexa.clauses.c10_1

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.periodic

months := 12

closed := [e |
	some e in evidence.entries("nonconformity_register")
	e.entry.status == "closed"
	periodic.within(e.entry.closed_at, months)
]

review := clauses.latest("management_review")

achieved := [{"record": r, "objective": o} |
	some r in documents.in_force(["document"], "objectives")
	some o in object.get(r.attributes, "objectives", [])
	o.result == "met"
	periodic.within(o.evaluated_at, months)
]

met contains clauses.shown_all(msg, [sprintf("%s#%s", [e.record.id, e.entry.id]) | some e in closed]) if {
	count(closed) > 0
	msg := sprintf("%d nonconformit(ies) were corrected and closed in the last %d months: %s", [count(closed), months, concat(", ", [e.entry.id | some e in closed])])
}

met contains clauses.shown(msg, review.id) if {
	periodic.within(review.attributes.performed_at, months)
	count(object.get(review.attributes, "decisions", [])) > 0
	msg := sprintf("Management review %s on %s decided %d improvement(s) or change(s)", [review.attributes.id, evidence.day(review.attributes.performed_at), count(review.attributes.decisions)])
}

met contains clauses.shown_all(msg, [sprintf("%s#%s", [a.record.id, a.objective.id]) | some a in achieved]) if {
	count(achieved) > 0
	msg := sprintf("%d objective(s) were evaluated as met in the last %d months", [count(achieved), months])
}

gaps contains clauses.major(msg, "missing:improvement") if {
	evidence.declared
	count(met) == 0
	msg := sprintf("Nothing shows improvement in the last %d months: no nonconformity closed, no management review decision, no objective met", [months])
}

status := clauses.status(met, gaps)
