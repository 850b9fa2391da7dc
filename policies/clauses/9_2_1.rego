# METADATA
# title: Internal audits are performed at planned intervals
# description: |
#   The latest internal audit (an internal_audit record that is not a draft
#   or retired, performed no later than the effective time) was performed
#   within the last 12 months. An older one, or none when the run declares
#   evidence, is a major gap: the ISMS has not been audited in a year.
# custom:
#   clause: "9.2.1"
#   inputs:
#     evidence: ["internal_audit"]
package annexa.clauses.c9_2_1

import data.annexa.lib.clauses
import data.annexa.lib.evidence
import data.annexa.lib.periodic

months := 12

last := clauses.latest("internal_audit")

met contains clauses.shown(msg, last.id) if {
	periodic.within(last.attributes.performed_at, months)
	msg := sprintf("Internal audit %s was performed on %s by %s", [last.attributes.id, evidence.day(last.attributes.performed_at), last.attributes.auditor])
}

gaps contains clauses.major(msg, last.id) if {
	not periodic.within(last.attributes.performed_at, months)
	msg := sprintf("The latest internal audit, %s, was performed on %s; the next was due by %s", [last.attributes.id, evidence.day(last.attributes.performed_at), periodic.due_day(last.attributes.performed_at, months)])
}

gaps contains clauses.major("No internal audit on file", "missing:internal_audit") if {
	evidence.declared
	count(clauses.performed("internal_audit")) == 0
}

status := clauses.status(met, gaps)
