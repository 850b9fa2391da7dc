# METADATA
# title: ICT suppliers pass security requirements down their supply chain
# description: |
#   Every supplier in the supplier register marked ict has
#   supply_chain_requirements: true, recording that its agreement requires
#   it to propagate the organisation's security requirements to its own
#   subcontractors and component suppliers (and to say which critical
#   components or services it sources from them). An ICT supplier with
#   supply_chain_requirements false, or without the field, is a finding:
#   high for suppliers rated high or critical, medium for the others. How
#   the supplier applies the requirements is for the auditor to sample.
# custom:
#   controls: ["5.21"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Agree with each ICT supplier named that it passes the organisation's
#     security requirements down its supply chain and tells you about its
#     critical subcontractors, then set supply_chain_requirements: true in
#     the supplier register.
package annexa.controls.c5_21.ict_supply_chain

import data.annexa.lib.suppliers

deny contains f if some f in suppliers.register_missing

deny contains f if {
	some s in suppliers.listed
	suppliers.ict(s)
	not s.entry.supply_chain_requirements == true
	f := {
		"msg": sprintf("ICT supplier %s %s", [suppliers.who(s), gap(s.entry)]),
		"resource": suppliers.ref(s),
		"severity": suppliers.severity(s),
		"details": {"supplier": s.entry.id, "criticality": suppliers.criticality(s)},
	}
}

gap(e) := "is not required to pass security requirements down its supply chain (supply_chain_requirements is false)" if {
	e.supply_chain_requirements == false
} else := "has no supply chain security requirements recorded (supply_chain_requirements)"

# judged are the ICT suppliers of the register.
judged contains suppliers.ref(s) if {
	some s in suppliers.listed
	suppliers.ict(s)
}
