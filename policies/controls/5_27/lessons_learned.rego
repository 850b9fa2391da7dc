# METADATA
# title: Closed incidents have a lessons-learned record
# description: |
#   Every entry classified as an incident in the incident register that was
#   closed more than 14 days ago (the time allowed for the post-incident
#   review) records the lessons learned from it (lessons_learned): the root
#   cause and what changes to prevent a recurrence. A closed incident with
#   no closing date is held to the rule at once. Each one without lessons
#   learned is a finding. Whether the lessons were acted on is for the
#   auditor to follow through the nonconformity register and risk
#   assessment.
# custom:
#   controls: ["5.27"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:incident_register"]
#   remediation: |
#     Hold a post-incident review for each incident named, record the root
#     cause and the improvements decided (controls, training, risk
#     assessment updates) under lessons_learned, and track the actions to
#     completion.
package annexa.controls.c5_27.lessons_learned

import data.annexa.lib.evidence
import data.annexa.lib.incidents

# review_days is how long after closing the lessons may still be pending.
review_days := 14

deny contains f if some f in incidents.register_missing

deny contains f if {
	some i in incidents.incidents
	incidents.closed(i)
	not i.entry.lessons_learned
	review_due(i.entry)
	f := {
		"msg": sprintf("incident %s was closed%s and has no lessons-learned record", [incidents.who(i), closed_on(i.entry)]),
		"resource": incidents.ref(i),
		"details": incidents.details(i),
	}
}

review_due(e) if not e.closed_at

review_due(e) if evidence.older_than_days(e.closed_at, review_days)

closed_on(e) := sprintf(" on %s", [evidence.day(e.closed_at)]) if {
	e.closed_at
} else := ""

# judged are the closed incidents whose lessons-learned review is due.
judged contains incidents.ref(i) if {
	some i in incidents.incidents
	incidents.closed(i)
	review_due(i.entry)
}
