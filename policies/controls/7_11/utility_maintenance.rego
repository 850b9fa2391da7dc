# METADATA
# title: Supporting utility equipment was serviced in the last 12 months
# description: |
#   Every asset with an equipment maintenance entry of a utility type (ups,
#   generator, hvac, air_conditioning, cooling, power, electrical,
#   telecoms; case-insensitive) and still in use was last serviced no more
#   than 12 months ago, and that latest service did not fail. A utility
#   serviced longer ago, or whose latest service failed or was only partly
#   successful, is a finding. Utility equipment without any maintenance
#   entry cannot be told apart from other equipment, so the yearly site
#   inspection of utilities (c7_11.utilities_inspection) covers it.
# custom:
#   controls: ["7.11"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:equipment_maintenance"]
#   remediation: |
#     Have the UPS, generator, air conditioning and other utility equipment
#     named serviced (load and battery tests for UPS, load runs for
#     generators) at least yearly, fix what a failed service found, and
#     record each service in an equipment maintenance record.
package annexa.controls.c7_11.utility_maintenance

import data.annexa.lib.evidence
import data.annexa.lib.physical

service_months := 12

utility_types := {"ups", "generator", "hvac", "air_conditioning", "cooling", "power", "electrical", "telecoms"}

utilities := {m.entry.asset |
	some m in evidence.entries("equipment_maintenance")
	lower(object.get(m.entry, "type", "")) in utility_types
}

deny contains finding if {
	some asset, m in physical.maintenance
	asset in utilities
	evidence.older_than(m.entry.performed_at, service_months)
	finding := {
		"msg": sprintf(
			"Utility equipment %s was last serviced on %s, more than %d months ago",
			[physical.asset_label(asset), evidence.day(m.entry.performed_at), service_months],
		),
		"resource": physical.maintenance_ref(m),
		"details": {"asset": asset, "performed_at": evidence.day(m.entry.performed_at)},
	}
}

deny contains finding if {
	some asset, m in physical.maintenance
	asset in utilities
	m.entry.result in {"fail", "partial"}
	finding := {
		"msg": sprintf(
			"The last service of utility equipment %s, on %s, had the result %s",
			[physical.asset_label(asset), evidence.day(m.entry.performed_at), m.entry.result],
		),
		"resource": physical.maintenance_ref(m),
		"details": {"asset": asset, "performed_at": evidence.day(m.entry.performed_at), "result": m.entry.result},
	}
}

# judged are the latest services of the utility equipment.
judged contains physical.maintenance_ref(m) if {
	some asset, m in physical.maintenance
	asset in utilities
}
