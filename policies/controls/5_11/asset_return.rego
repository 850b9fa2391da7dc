# METADATA
# title: Leavers have returned their assets
# description: |
#   For every person whose end date in the personnel register has passed,
#   the register records that their assets were returned (assets_returned
#   true), and no asset in use in any asset register (status active, or no
#   status) is still assigned to them (assigned_to).
# custom:
#   controls: ["5.11"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:personnel_register", "evidence:asset_register"]
#   remediation: |
#     Recover the devices, keys, cards and documents of each leaver by their
#     last day, mark assets_returned in the personnel register, and unassign
#     (or mark lost, with an incident) every asset still assigned to them.
package annexa.controls.c5_11.asset_return

import data.annexa.lib.evidence
import data.annexa.lib.governance

deny contains evidence.missing("personnel_register", "personnel register") if {
	evidence.declared
	count(evidence.records("personnel_register")) == 0
}

deny contains evidence.missing("asset_register", "asset register") if {
	evidence.declared
	count(evidence.records("asset_register")) == 0
}

deny contains f if {
	some e in evidence.entries("personnel_register")
	evidence.left(e.entry)
	not e.entry.assets_returned == true
	f := {
		"msg": sprintf("%s left on %s but the personnel register does not record their assets as returned (assets_returned)", [e.entry.id, evidence.day(e.entry.end_date)]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

deny contains f if {
	some e in governance.active_assets
	e.entry.assigned_to
	not e.entry.assigned_to in evidence.active_people
	some p in leavers_by_id[e.entry.assigned_to]
	f := {
		"msg": sprintf("asset %s (%s) is still assigned to %s, who left on %s", [e.entry.id, e.entry.name, p.id, evidence.day(p.end_date)]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

# judged are the leavers of the personnel register (each stands for its
# register) and the assets in use still assigned to one: without a leaver
# there is no return to judge.
judged contains governance.entry_id(e.record, e.entry.id) if {
	some e in evidence.entries("personnel_register")
	evidence.left(e.entry)
}

judged contains governance.entry_id(e.record, e.entry.id) if {
	some e in governance.active_assets
	e.entry.assigned_to in leaver_ids
}

leaver_ids := {p.id | some p in evidence.leavers; not p.id in evidence.active_people}

# leavers_by_id groups the leavers' register entries by person id, so that
# an asset finds its holder's entries by lookup, not by a pass over every
# leaver (which made this rule quadratic in the people). The inner
# comprehension keyed on id is indexed by OPA, and the object is built by a
# comprehension, not a rule per key (quadratic in the keys, see
# docs/policies.md).
leavers_by_id := {id: ps |
	some id in {p.id | some p in evidence.leavers}
	ps := [p | some p in evidence.leavers; p.id == id]
}
