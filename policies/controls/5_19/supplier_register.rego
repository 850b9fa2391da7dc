# METADATA
# title: The supplier register is current and classifies every supplier
# description: |
#   The organisation keeps a supplier register that is approved and inside
#   its review period, lists at least one supplier, and classifies each one:
#   a criticality (low, medium, high or critical), whether it supplies ICT
#   products or services (ict), and for ICT suppliers whether the service
#   is a cloud service (cloud). The classification decides which agreement
#   clauses, supply chain requirements, assessment frequency and exit plans
#   the other supplier policies (5.20 to 5.23) require, so an unclassified
#   supplier escapes them and is a finding. A missing register is a finding
#   when other evidence is declared.
# custom:
#   controls: ["5.19"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Keep every supplier in the supplier register with a criticality
#     rating, ict: true or false, and for ICT suppliers cloud: true or
#     false; review and re-approve the register within its review interval.
package annexa.controls.c5_19.supplier_register

import data.annexa.lib.evidence
import data.annexa.lib.suppliers

deny contains f if some f in suppliers.register_missing

deny contains f if {
	some r in evidence.records("supplier_register")
	p := evidence.problems(r)
	count(p) > 0
	f := {
		"msg": sprintf("supplier register %s cannot be relied on: %s", [r.attributes.id, concat("; ", p)]),
		"resource": r.id,
	}
}

deny contains f if {
	some r in evidence.records("supplier_register")
	count(object.get(r.attributes, "entries", [])) == 0
	f := {
		"msg": sprintf("supplier register %s lists no suppliers", [r.attributes.id]),
		"resource": r.id,
	}
}

deny contains f if {
	some s in suppliers.listed
	gaps := sort(classification_gaps(s.entry))
	count(gaps) > 0
	f := {
		"msg": sprintf("the supplier register does not classify %s: %s", [suppliers.who(s), concat("; ", gaps)]),
		"resource": suppliers.ref(s),
		"details": {"supplier": s.entry.id, "gaps": gaps},
	}
}

classification_gaps(e) := (criticality_gap(e) | ict_gap(e)) | cloud_gap(e)

criticality_gap(e) := {"it has no criticality rating"} if {
	not e.criticality
} else := set()

ict_gap(e) := {"it does not state whether it supplies ICT products or services (ict)"} if {
	not stated(e, "ict")
} else := set()

cloud_gap(e) := {"it does not state whether its ICT service is a cloud service (cloud)"} if {
	e.ict == true
	not stated(e, "cloud")
} else := set()

stated(e, field) if is_boolean(e[field])

# judged are the supplier registers: their standing and the classification
# of every supplier.
judged := evidence.ids(["supplier_register"])
