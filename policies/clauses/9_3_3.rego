# METADATA
# title: The management review's decisions are recorded
# description: |
#   The latest management review records its decisions on improvement and
#   on changes to the ISMS (decisions; a major gap when it records none)
#   and its minutes are approved (approved_by, approved_at; a minor gap when
#   not). Without a review there is nothing to judge (9.3.1 reports it).
# custom:
#   clause: "9.3.3"
#   inputs:
#     evidence: ["management_review"]
package annexa.clauses.c9_3_3

import data.annexa.lib.clauses
import data.annexa.lib.evidence

last := clauses.latest("management_review")

decisions := object.get(last.attributes, "decisions", [])

met contains clauses.shown(msg, last.id) if {
	count(decisions) > 0
	msg := sprintf("Management review %s recorded %d decision(s)", [last.attributes.id, count(decisions)])
}

met contains clauses.shown(msg, last.id) if {
	evidence.approved(last)
	msg := sprintf("The minutes of management review %s were approved by %s on %s", [last.attributes.id, last.attributes.approved_by, evidence.day(last.attributes.approved_at)])
}

gaps contains clauses.major(msg, last.id) if {
	count(decisions) == 0
	msg := sprintf("Management review %s recorded no decisions on improvement or changes to the ISMS (decisions)", [last.attributes.id])
}

gaps contains clauses.minor(msg, last.id) if {
	not evidence.approved(last)
	msg := sprintf("The minutes of management review %s are not approved (approved_by, approved_at)", [last.attributes.id])
}

status := clauses.status(met, gaps)
