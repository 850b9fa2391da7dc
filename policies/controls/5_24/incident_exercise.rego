# METADATA
# title: The incident management plan was exercised in the last 12 months
# description: |
#   The latest exercise of the incident management plan (a continuity_test
#   record with topic incident_response, such as a tabletop exercise or a
#   simulated incident, performed no later than the effective time) was
#   performed no more than 12 months ago and did not fail. No exercise at
#   all, an exercise older than 12 months, or a failed latest exercise is a
#   finding. Whether the people in incident roles took part is for the
#   auditor to read in its report.
# custom:
#   controls: ["5.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:continuity_test"]
#   remediation: |
#     Run an exercise of the incident management plan with the people who
#     hold incident roles (a tabletop of a realistic scenario at least),
#     record it as a continuity_test with topic incident_response, and
#     update the plan with what it taught.
package annexa.controls.c5_24.incident_exercise

import data.annexa.lib.periodic

deny contains f if {
	some f in periodic.exercise_findings(["incident_response"], "incident response exercise", 12)
}

# judged are the incident response exercises performed.
judged := {r.id | some r in periodic.exercises(["incident_response"])}
