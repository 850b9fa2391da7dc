# METADATA
# title: Evidence was preserved for every incident
# description: |
#   Every entry classified as an incident in the incident register records
#   evidence_preserved: true, meaning the logs, images and other evidence of
#   the incident were collected and kept under the evidence collection
#   procedure, so that disciplinary or legal action and the root cause
#   analysis remain possible. An incident with evidence_preserved false, or
#   that does not say, is a finding. Entries classified as events are not
#   held to this.
# custom:
#   controls: ["5.28"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:incident_register"]
#   remediation: |
#     For each incident named, collect and preserve what evidence is still
#     available (logs, snapshots, mailbox exports) with a chain of custody
#     record, and set evidence_preserved in the incident register; make
#     preservation a step of the response playbooks.
package annexa.controls.c5_28.evidence_preservation

import data.annexa.lib.incidents

deny contains f if some f in incidents.register_missing

deny contains f if {
	some i in incidents.incidents
	not i.entry.evidence_preserved == true
	f := {
		"msg": sprintf("incident %s %s", [incidents.who(i), gap(i.entry)]),
		"resource": incidents.ref(i),
		"details": incidents.details(i),
	}
}

gap(e) := "is recorded as having no evidence preserved (evidence_preserved is false)" if {
	e.evidence_preserved == false
} else := "does not record whether its evidence was preserved (evidence_preserved)"

# judged are the incidents of the register.
judged := {incidents.ref(i) | some i in incidents.incidents}
