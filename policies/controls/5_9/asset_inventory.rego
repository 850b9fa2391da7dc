# METADATA
# title: Asset register current, owned by active personnel
# description: |
#   The asset register is approved and inside its review period; asset ids
#   are unique across asset registers; every asset in use (status active,
#   or no status) has an owner who is active in the personnel register
#   (started, not left); and an asset assigned to someone is assigned to a
#   person the personnel register knows. Leavers' assets are checked by
#   5.11; classification by 5.12.
# custom:
#   controls: ["5.9"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:personnel_register"]
#   remediation: |
#     Give every asset an owner who works for the organisation (reassign the
#     assets of leavers), keep asset ids unique, record who each device is
#     assigned to, and review the register at its planned interval.
package annexa.controls.c5_9.asset_inventory

import data.annexa.lib.evidence
import data.annexa.lib.governance

deny contains f if {
	some f in governance.register_findings("asset_register", "asset register")
}

deny contains evidence.missing("personnel_register", "personnel register") if {
	count(evidence.records("asset_register")) > 0
	count(evidence.records("personnel_register")) == 0
}

deny contains f if {
	some id in duplicate_ids
	records := [row[1] | some row in ids_in_order; row[0] == id]
	f := {
		"msg": sprintf("asset id %s is used by %d entries (%s); each asset needs its own id", [id, count(records), concat(", ", records)]),
		"resource": sprintf("asset_register/%s#%s", [records[0], id]),
	}
}

# ids_in_order lists every entry's asset id with the id of its register,
# sorted, so that entries sharing an id sit next to each other: finding
# them takes one sort instead of comparing every pair.
ids_in_order := sort([[e.entry.id, e.record.attributes.id] | some e in evidence.entries("asset_register")])

duplicate_ids := {row[0] |
	some k, row in ids_in_order
	ids_in_order[k + 1][0] == row[0]
}

deny contains f if {
	some e in governance.active_assets
	not e.entry.owner
	f := {
		"msg": sprintf("asset %s (%s) has no owner", [e.entry.id, e.entry.name]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

deny contains f if {
	count(evidence.people) > 0
	some e in governance.active_assets
	status := governance.person_status(e.entry.owner)
	f := {
		"msg": sprintf("asset %s (%s) is owned by %s, %s", [e.entry.id, e.entry.name, e.entry.owner, status]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

deny contains f if {
	count(evidence.people) > 0
	some e in governance.active_assets
	e.entry.assigned_to
	not e.entry.assigned_to in person_ids
	f := {
		"msg": sprintf("asset %s (%s) is assigned to %s, who is not in the personnel register", [e.entry.id, e.entry.name, e.entry.assigned_to]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

person_ids := {p.id | some p in evidence.people}

# judged are the asset registers: their standing, ids, owners and
# assignees.
judged := evidence.ids(["asset_register"])
