# METADATA
# title: Top management leads the ISMS
# description: |
#   Someone holds the top-management role in the role register (a major gap
#   when the run declares evidence and nobody does). A holder of that role
#   approved the information security policy in force, and attended the
#   latest management review, which was held within the last 12 months;
#   either missing is a minor gap. Control A.5.4 (management
#   responsibilities) passes; its failure is a minor gap.
# custom:
#   clause: "5.1"
#   inputs:
#     evidence: ["policy:information_security", "role_register", "management_review", "personnel_register"]
#     controls: ["5.4"]
package annexa.clauses.c5_1

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.governance
import data.annexa.lib.periodic

top := clauses.top_management

by_top(name) if {
	some p in top
	governance.same_person(name, p)
}

policies := [r |
	some r in documents.in_force(["policy"], "information_security")
	evidence.approved(r)
]

review := clauses.latest("management_review")

met contains clauses.shown(msg, r.id) if {
	some r in policies
	by_top(r.attributes.approved_by)
	msg := sprintf("Information security policy %s was approved by %s, who holds the top-management role", [r.attributes.id, r.attributes.approved_by])
}

met contains clauses.shown(msg, review.id) if {
	periodic.within(review.attributes.performed_at, 12)
	attended := [a | some a in object.get(review.attributes, "attendees", []); by_top(a)]
	count(attended) > 0
	msg := sprintf("Top management (%s) attended management review %s on %s", [concat(", ", attended), review.attributes.id, evidence.day(review.attributes.performed_at)])
}

met contains m if some m in clauses.control_met("5.4")

gaps contains clauses.major("Nobody holds the top-management role in the role register", "missing:role_register/top_management") if {
	evidence.declared
	count(top) == 0
}

gaps contains clauses.minor(msg, r.id) if {
	count(top) > 0
	some r in policies
	not by_top(r.attributes.approved_by)
	msg := sprintf("Information security policy %s was approved by %s, who does not hold the top-management role", [r.attributes.id, r.attributes.approved_by])
}

gaps contains clauses.minor(msg, review.id) if {
	count(top) > 0
	periodic.within(review.attributes.performed_at, 12)
	count([a | some a in object.get(review.attributes, "attendees", []); by_top(a)]) == 0
	msg := sprintf("No holder of the top-management role attended management review %s on %s", [review.attributes.id, evidence.day(review.attributes.performed_at)])
}

gaps contains clauses.minor("No management review in the last 12 months shows top management's involvement", "missing:management_review") if {
	evidence.declared
	not reviewed_this_year
}

reviewed_this_year if periodic.within(review.attributes.performed_at, 12)

gaps contains g if some g in clauses.control_gaps("5.4")

status := clauses.status(met, gaps)
