# METADATA
# title: Access to source code repositories is reviewed every six months
# description: |
#   Who can read and write the organisation's source code (members, teams,
#   outside collaborators, deploy keys and apps of the code hosting
#   service) is reviewed at least every six months: the latest access
#   review record that lists control 8.4 is no older than six months and
#   names its reviewer. With evidence declared but no such review on file,
#   the review is reported missing.
# custom:
#   controls: ["8.4"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:access_review"]
#   remediation: |
#     Review repository access (organisation members and owners, team
#     permissions, outside collaborators, deploy keys, installed apps) at
#     least twice a year, remove what is no longer needed, and record each
#     review as kind: access_review with controls ["8.4"], system, scope,
#     performed_at and reviewer.
package annexa.controls.c8_4.source_code_access_review

import data.annexa.lib.evidence

max_months := 6

reviews := [r |
	some r in evidence.records("access_review")
	"8.4" in r.attributes.controls
	not evidence.inactive(r)
	not evidence.in_future(r.attributes.performed_at)
]

deny contains evidence.missing("access_review", "source code access review") if {
	evidence.declared
	count(reviews) == 0
}

deny contains finding if {
	count(reviews) > 0
	last := evidence.latest([r.attributes.performed_at | some r in reviews])
	evidence.older_than(last, max_months)
	some r in reviews
	r.attributes.performed_at == last
	finding := {
		"msg": sprintf("source code access was last reviewed on %s (%s), more than %d months ago", [evidence.day(last), r.attributes.id, max_months]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in reviews
	not r.attributes.reviewer
	finding := {
		"msg": sprintf("source code access review %s does not name its reviewer", [r.attributes.id]),
		"resource": r.id,
		"severity": "low",
	}
}

# judged are the source code access reviews performed.
judged := {r.id | some r in reviews}
