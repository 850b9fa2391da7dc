# METADATA
# title: ICT continuity was tested in the last 12 months and met its objectives
# description: |
#   The latest test of ICT continuity (a continuity_test record with topic
#   ict_continuity or disaster_recovery and a performed_at no later than
#   the effective time) was performed no more than 12 months ago, did not
#   fail, and met the plan's recovery objectives (objectives_met: true):
#   the services were restored within the RTO with data loss within the
#   RPO. No test, a test older than 12 months, a failed latest test, or one
#   that missed or did not record meeting its objectives is a finding.
# custom:
#   controls: ["5.30"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:continuity_test"]
#   remediation: |
#     Run a recovery test of the critical ICT services (restore into a
#     clean account or region, fail over the database), measure recovery
#     time and data loss against the plan's RTO and RPO, record it as a
#     continuity_test with topic ict_continuity and objectives_met, and fix
#     and re-test when the objectives were missed.
package annexa.controls.c5_30.ict_continuity_exercise

import data.annexa.lib.evidence
import data.annexa.lib.periodic

topics := ["ict_continuity", "disaster_recovery"]

deny contains f if {
	some f in periodic.exercise_findings(topics, "ICT continuity test", 12)
}

deny contains f if {
	r := periodic.latest_record(periodic.exercises(topics), "performed_at")
	not r.attributes.objectives_met == true
	f := {
		"msg": sprintf("the latest ICT continuity test, %s on %s, %s", [r.attributes.id, evidence.day(r.attributes.performed_at), objectives(r.attributes)]),
		"resource": r.id,
		"details": {"performed_at": evidence.day(r.attributes.performed_at), "result": r.attributes.result},
	}
}

objectives(a) := "did not meet its recovery time and point objectives" if {
	a.objectives_met == false
} else := "does not record whether its recovery time and point objectives were met (objectives_met)"

# judged are the ICT continuity and disaster recovery tests performed.
judged := {r.id | some r in periodic.exercises(topics)}
