# METADATA
# title: The business continuity plan was exercised in the last 12 months
# description: |
#   The latest exercise or test of business continuity (a continuity_test
#   record with topic business_continuity and a performed_at no later than
#   the effective time) was performed no more than 12 months ago and did
#   not fail (result pass or partial). No exercise at all, an exercise
#   older than 12 months, or a failed latest exercise is a finding. Whether
#   the exercise covered the information security continuity arrangements
#   is for the auditor to read in its report.
# custom:
#   controls: ["5.29"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:continuity_test"]
#   remediation: |
#     Run a business continuity exercise (tabletop or live) that includes
#     keeping security controls in place during the disruption, record it
#     as a continuity_test with topic business_continuity, and re-exercise
#     after fixing what a failed exercise revealed.
package annexa.controls.c5_29.continuity_exercise

import data.annexa.lib.periodic

deny contains f if {
	some f in periodic.exercise_findings(["business_continuity"], "business continuity exercise", 12)
}

# judged are the business continuity exercises performed.
judged := {r.id | some r in periodic.exercises(["business_continuity"])}
