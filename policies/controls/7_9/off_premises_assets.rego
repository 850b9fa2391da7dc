# METADATA
# title: Equipment kept off the premises is encrypted and in a named person's custody
# description: |
#   Every asset in use that the asset register marks off_premises is in the
#   custody of a named person (assigned_to) who is active in the personnel
#   register, and, when it is hardware, is encrypted (encrypted: true), so a
#   lost or stolen device exposes no data. Hardware off the premises not
#   recorded as encrypted is a finding rated high; an off-premises asset
#   with no custodian, or one whose custodian has left or is not in the
#   personnel register, is a finding rated medium.
# custom:
#   controls: ["7.9"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:personnel_register"]
#   remediation: |
#     Encrypt the storage of every device taken off the premises (FileVault,
#     BitLocker, LUKS) and record encrypted: true; assign each off-premises
#     asset to the person responsible for it, and recover or reassign the
#     assets of people who have left.
package annexa.controls.c7_9.off_premises_assets

import data.annexa.lib.evidence
import data.annexa.lib.physical

deny contains evidence.missing("asset_register", "asset register") if {
	evidence.declared
	count(evidence.records("asset_register")) == 0
}

off_premises := [a | some a in physical.assets; a.entry.off_premises == true]

deny contains finding if {
	some a in off_premises
	a.entry.type == "hardware"
	not a.entry.encrypted == true
	finding := {
		"msg": sprintf("%s (%s) is kept off the premises but is not recorded as encrypted", [a.entry.name, a.entry.id]),
		"resource": physical.ref(a),
		"severity": "high",
		"details": {"asset": a.entry.id},
	}
}

deny contains finding if {
	some a in off_premises
	not a.entry.assigned_to
	finding := {
		"msg": sprintf("%s (%s) is kept off the premises but is assigned to nobody (assigned_to is missing)", [a.entry.name, a.entry.id]),
		"resource": physical.ref(a),
		"severity": "medium",
		"details": {"asset": a.entry.id},
	}
}

# A custodian is only judged against a personnel register that exists.
deny contains finding if {
	count(evidence.records("personnel_register")) > 0
	some a in off_premises
	holder := a.entry.assigned_to
	not holder in evidence.active_people
	finding := {
		"msg": sprintf("%s (%s) is kept off the premises by %s, who is not an active person in the personnel register", [a.entry.name, a.entry.id, holder]),
		"resource": physical.ref(a),
		"severity": "medium",
		"details": {"asset": a.entry.id, "assigned_to": holder},
	}
}

# judged are the assets kept off the premises.
judged := {physical.ref(a) | some a in off_premises}
