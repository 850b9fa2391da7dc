# METADATA
# title: Every supplier has a signed agreement with security clauses
# description: |
#   Every supplier in the supplier register has an agreement that is signed
#   (agreement.signed_at, not after the effective time), has not expired
#   (agreement.expires), and contains information security clauses
#   (security_clauses). Agreements with ICT suppliers also oblige the
#   supplier to notify the organisation of security incidents
#   (incident_notification), and agreements with critical suppliers give a
#   right to audit (right_to_audit). Each supplier whose agreement falls
#   short is one finding listing every gap; it is high for suppliers rated
#   high or critical and medium for the others. Whether the clauses are
#   adequate for the risk is for the auditor to judge from the contract.
# custom:
#   controls: ["5.20"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Sign (or amend) the agreement with each supplier named so that it
#     contains information security requirements, an incident notification
#     duty for ICT suppliers and a right to audit for critical suppliers,
#     and record it under agreement in the supplier register.
package annexa.controls.c5_20.supplier_agreements

import data.annexa.lib.evidence
import data.annexa.lib.suppliers

deny contains f if some f in suppliers.register_missing

deny contains f if {
	some s in suppliers.listed
	not s.entry.agreement
	f := {
		"msg": sprintf("no agreement with %s is recorded in the supplier register", [suppliers.who(s)]),
		"resource": suppliers.ref(s),
		"severity": suppliers.severity(s),
		"details": {"supplier": s.entry.id, "criticality": suppliers.criticality(s)},
	}
}

deny contains f if {
	some s in suppliers.listed
	a := s.entry.agreement
	gaps := sort(agreement_gaps(s, a))
	count(gaps) > 0
	f := {
		"msg": sprintf("the agreement with %s falls short: %s", [suppliers.who(s), concat("; ", gaps)]),
		"resource": suppliers.ref(s),
		"severity": suppliers.severity(s),
		"details": {"supplier": s.entry.id, "criticality": suppliers.criticality(s), "gaps": gaps},
	}
}

agreement_gaps(s, a) := (((signature_gap(a) | expiry_gap(a)) | clauses_gap(a)) | notification_gap(s, a)) | audit_gap(s, a)

signature_gap(a) := {"it is not signed (no signed_at)"} if {
	not a.signed_at
} else := {sprintf("its signature date %s is after the effective date", [evidence.day(a.signed_at)])} if {
	evidence.in_future(a.signed_at)
} else := set()

expiry_gap(a) := {sprintf("it expired on %s", [evidence.day(a.expires)])} if {
	a.expires
	evidence.ns(a.expires) < evidence.now_ns
} else := set()

clauses_gap(a) := {"it has no information security clauses"} if {
	not a.security_clauses == true
} else := set()

notification_gap(s, a) := {"it does not oblige this ICT supplier to notify security incidents"} if {
	suppliers.ict(s)
	not a.incident_notification == true
} else := set()

audit_gap(s, a) := {"it gives no right to audit this critical supplier"} if {
	s.entry.criticality == "critical"
	not a.right_to_audit == true
} else := set()

# judged are the suppliers of the register, whose agreements it checks.
judged := {suppliers.ref(s) | some s in suppliers.listed}
