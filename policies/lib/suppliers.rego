# METADATA
# title: Supplier register helpers
# description: |
#   The suppliers listed in the supplier register, as the supplier
#   relationship policies (5.19 to 5.23) report on them: each supplier is
#   handled together with its register record, so findings can name the
#   entry as "supplier_register/<record id>#<supplier id>".
# custom:
#   library: true
package annexa.lib.suppliers

import data.annexa.lib.evidence

# listed lists every supplier in the supplier registers, each as
# {"record": <register fact>, "entry": <register entry>}.
listed := evidence.entries("supplier_register")

# register_missing is a finding when the run has evidence but no supplier
# register, the list every supplier control is checked against.
register_missing contains evidence.missing("supplier_register", "supplier register") if {
	evidence.declared
	count(evidence.records("supplier_register")) == 0
}

# ref is the resource id of a supplier in a finding.
ref(s) := sprintf("%s#%s", [s.record.id, s.entry.id])

# who names a supplier for a message: "PayLink Processing BV (paylink)".
who(s) := sprintf("%s (%s)", [s.entry.name, s.entry.id])

# ict is true for a supplier of ICT products or services.
ict(s) if s.entry.ict == true

# cloud is true for a supplier of cloud services.
cloud(s) if s.entry.cloud == true

# important is true for a supplier rated high or critical.
important(s) if s.entry.criticality in {"high", "critical"}

# severity of a finding about a supplier: high for the suppliers the
# organisation depends on most, medium for the others.
severity(s) := "high" if important(s)

else := "medium"

# criticality names a supplier's rating for messages and details.
criticality(s) := object.get(s.entry, "criticality", "unrated")
