# METADATA
# title: Outsourced development is bound by secure development requirements
# description: |
#   Every supplier in the supplier register that develops software or
#   systems for the organisation (development: true) has an agreement that
#   sets secure development requirements (agreement.secure_development:
#   secure design and coding practices, security testing, and evidence of
#   both delivered with the work) and gives the organisation a right to
#   audit its development process and controls (agreement.right_to_audit).
#   Each development supplier that falls short is one finding listing the
#   gaps; it is high for suppliers rated high or critical and medium for
#   the others. Suppliers not marked as developing for the organisation are
#   not judged here; their assessments and agreements are checked by 5.20
#   and 5.22. Acceptance testing of what they deliver is for the auditor to
#   sample in the security test records (8.29).
# custom:
#   controls: ["8.30"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Amend the development contract to require secure design and coding,
#     security testing with evidence on delivery, and a right to audit the
#     supplier's development process; record secure_development: true and
#     right_to_audit: true under the supplier's agreement.
package annexa.controls.c8_30.outsourced_development

import data.annexa.lib.suppliers

deny contains f if some f in suppliers.register_missing

deny contains f if {
	some s in suppliers.listed
	s.entry.development == true
	gaps := sort(gaps_of(object.get(s.entry, "agreement", {})))
	count(gaps) > 0
	f := {
		"msg": sprintf("%s develops for the organisation but %s", [suppliers.who(s), concat(" and ", gaps)]),
		"resource": suppliers.ref(s),
		"severity": suppliers.severity(s),
		"details": {"supplier": s.entry.id, "criticality": suppliers.criticality(s), "gaps": gaps},
	}
}

gaps_of(a) := {g |
	some field, g in required
	not a[field] == true
}

# required maps each agreement field an outsourced development contract
# needs to how a message names its absence.
required := {
	"secure_development": "its agreement sets no secure development requirements (secure_development)",
	"right_to_audit": "its agreement gives no right to audit its development process (right_to_audit)",
}

# judged are the suppliers that develop for the organisation.
judged contains suppliers.ref(s) if {
	some s in suppliers.listed
	s.entry.development == true
}
