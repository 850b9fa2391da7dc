# METADATA
# title: Every disposed asset has a disposal record
# description: |
#   Every asset the asset register marks disposed has an entry in a disposal
#   record (its asset id, the date and the method used to remove the data
#   or destroy the storage) dated no later than the effective time. A
#   disposed asset without one is a finding: nothing shows that its data did
#   not leave with it. Whether each disposal was verified is checked by
#   c7_14.disposal_verification.
# custom:
#   controls: ["7.14"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:disposal_record"]
#   remediation: |
#     Find out how each asset named was disposed of; record the disposal
#     (method, date, certificate, who verified it) in a disposal record, or,
#     if its data was never removed, treat it as a possible incident.
package annexa.controls.c7_14.disposed_assets

import data.annexa.lib.evidence
import data.annexa.lib.physical

deny contains evidence.missing("asset_register", "asset register") if {
	evidence.declared
	count(evidence.records("asset_register")) == 0
}

recorded := {d.entry.asset | some d in physical.disposals}

deny contains finding if {
	some a in evidence.entries("asset_register")
	a.entry.status == "disposed"
	not a.entry.id in recorded
	finding := {
		"msg": sprintf("%s (%s) is marked disposed in the asset register but has no disposal record", [a.entry.name, a.entry.id]),
		"resource": physical.ref(a),
		"details": {"asset": a.entry.id},
	}
}

# judged are the assets the asset register marks disposed.
judged contains physical.ref(a) if {
	some a in evidence.entries("asset_register")
	a.entry.status == "disposed"
}
