# METADATA
# title: Information security was independently reviewed in the last 12 months
# description: |
#   The latest independent review of information security (an
#   internal_audit record with independent: true, by an internal auditor
#   independent of the area audited or by an external assessor; neither
#   draft nor retired, and performed no later than the effective time) was
#   performed no more than 12 months ago. No independent review at all, or
#   only older ones, is a finding. Whether the reviewer was competent and
#   the scope covered the whole approach to information security is for
#   the auditor to judge from the report.
# custom:
#   controls: ["5.35"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:internal_audit"]
#   remediation: |
#     Have the ISMS reviewed by someone independent of it (an external
#     assessor, or an internal auditor who does not run the processes
#     reviewed) at least yearly and whenever significant changes occur, and
#     record the review as an internal_audit with independent: true.
package annexa.controls.c5_35.independent_review

import data.annexa.lib.evidence
import data.annexa.lib.periodic

review_months := 12

reviews := [r |
	some r in evidence.records("internal_audit")
	r.attributes.independent == true
	not evidence.inactive(r)
	not evidence.in_future(r.attributes.performed_at)
]

deny contains evidence.missing("internal_audit", "independent review of information security") if {
	evidence.declared
	count(reviews) == 0
}

deny contains f if {
	r := periodic.latest_record(reviews, "performed_at")
	not periodic.within(r.attributes.performed_at, review_months)
	due := periodic.due_day(r.attributes.performed_at, review_months)
	f := {
		"msg": sprintf("the latest independent review of information security, %s by %s, was performed on %s; the next one was due by %s", [r.attributes.id, r.attributes.auditor, evidence.day(r.attributes.performed_at), due]),
		"resource": r.id,
		"details": {"performed_at": evidence.day(r.attributes.performed_at), "due": due},
	}
}

# judged are the independent reviews performed.
judged := {r.id | some r in reviews}
