# METADATA
# title: Top management reviews the ISMS at planned intervals
# description: |
#   The latest management review (a management_review record that is not a
#   draft or retired, performed no later than the effective time) was held
#   within the last 12 months (a major gap when older, or when the run
#   declares evidence and there is none), and a holder of the
#   top-management role attended it (a minor gap when not).
# custom:
#   clause: "9.3.1"
#   inputs:
#     evidence: ["management_review", "role_register", "personnel_register"]
package annexa.clauses.c9_3_1

import data.annexa.lib.clauses
import data.annexa.lib.evidence
import data.annexa.lib.governance
import data.annexa.lib.periodic

months := 12

last := clauses.latest("management_review")

attended := [a |
	some a in object.get(last.attributes, "attendees", [])
	some p in clauses.top_management
	governance.same_person(a, p)
]

met contains clauses.shown(msg, last.id) if {
	periodic.within(last.attributes.performed_at, months)
	msg := sprintf("Management review %s was held on %s", [last.attributes.id, evidence.day(last.attributes.performed_at)])
}

met contains clauses.shown(msg, last.id) if {
	count(attended) > 0
	msg := sprintf("Top management attended management review %s (%s)", [last.attributes.id, concat(", ", attended)])
}

gaps contains clauses.major(msg, last.id) if {
	not periodic.within(last.attributes.performed_at, months)
	msg := sprintf("The latest management review, %s, was held on %s; the next was due by %s", [last.attributes.id, evidence.day(last.attributes.performed_at), periodic.due_day(last.attributes.performed_at, months)])
}

gaps contains clauses.major("No management review on file", "missing:management_review") if {
	evidence.declared
	count(clauses.performed("management_review")) == 0
}

gaps contains clauses.minor(msg, last.id) if {
	count(clauses.top_management) > 0
	count(attended) == 0
	msg := sprintf("No holder of the top-management role attended management review %s", [last.attributes.id])
}

status := clauses.status(met, gaps)
