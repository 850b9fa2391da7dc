# METADATA
# title: Every cloud service has an exit plan
# description: |
#   Every supplier in the supplier register marked cloud has exit_plan:
#   true, recording a documented and owned plan to leave the service (how
#   data is retrieved and deleted, the alternative service, how long it
#   takes) so that the organisation is not locked in when the provider
#   fails, changes terms or is breached. A cloud supplier with exit_plan
#   false or without the field is a finding: high for suppliers rated high
#   or critical, medium for the others.
# custom:
#   controls: ["5.23"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Document an exit plan for each cloud service named (data export and
#     deletion, alternative provider, timeline, owner), and set exit_plan:
#     true in the supplier register.
package annexa.controls.c5_23.cloud_exit_plans

import data.annexa.lib.suppliers

deny contains f if some f in suppliers.register_missing

deny contains f if {
	some s in suppliers.listed
	suppliers.cloud(s)
	not s.entry.exit_plan == true
	f := {
		"msg": sprintf("cloud service supplier %s has no exit plan (exit_plan)", [suppliers.who(s)]),
		"resource": suppliers.ref(s),
		"severity": suppliers.severity(s),
		"details": {"supplier": s.entry.id, "criticality": suppliers.criticality(s)},
	}
}

# judged are the cloud service suppliers of the register.
judged contains suppliers.ref(s) if {
	some s in suppliers.listed
	suppliers.cloud(s)
}
