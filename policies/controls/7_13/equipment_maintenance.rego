# METADATA
# title: Equipment maintenance is on schedule and its latest service passed
# description: |
#   For every asset with equipment maintenance entries (left out: assets the
#   asset register marks disposed, retired or lost), the latest maintenance
#   performed up to now has a next due date (next_due_at) that has not
#   passed, and its result is not fail or partial. An overdue service, a
#   service without a next due date (so its schedule cannot be followed) or
#   a failed latest service is a finding. When the run has evidence but no
#   maintenance record at all, that is a finding too.
# custom:
#   controls: ["7.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:equipment_maintenance"]
#   remediation: |
#     Service the equipment named as its supplier recommends, fix what a
#     failed service found, and record each service with its result and the
#     next due date in an equipment maintenance record.
package annexa.controls.c7_13.equipment_maintenance

import data.annexa.lib.evidence
import data.annexa.lib.physical

deny contains evidence.missing("equipment_maintenance", "equipment maintenance record") if {
	evidence.declared
	count(evidence.records("equipment_maintenance")) == 0
}

deny contains finding if {
	some asset, m in physical.maintenance
	due := m.entry.next_due_at
	evidence.ns(due) < evidence.now_ns
	finding := {
		"msg": sprintf(
			"Maintenance of %s was due on %s; the last service was on %s",
			[physical.asset_label(asset), evidence.day(due), evidence.day(m.entry.performed_at)],
		),
		"resource": physical.maintenance_ref(m),
		"details": details(asset, m),
	}
}

deny contains finding if {
	some asset, m in physical.maintenance
	not m.entry.next_due_at
	finding := {
		"msg": sprintf(
			"The last service of %s, on %s, has no next due date (next_due_at), so nobody can tell when it is due",
			[physical.asset_label(asset), evidence.day(m.entry.performed_at)],
		),
		"resource": physical.maintenance_ref(m),
		"severity": "low",
		"details": details(asset, m),
	}
}

deny contains finding if {
	some asset, m in physical.maintenance
	m.entry.result in {"fail", "partial"}
	finding := {
		"msg": sprintf(
			"The last service of %s, on %s, had the result %s",
			[physical.asset_label(asset), evidence.day(m.entry.performed_at), m.entry.result],
		),
		"resource": physical.maintenance_ref(m),
		"details": details(asset, m),
	}
}

details(asset, m) := {"asset": asset, "performed_at": evidence.day(m.entry.performed_at)}

# judged are the latest services of the assets in use.
judged := {physical.maintenance_ref(m) | some _, m in physical.maintenance}
