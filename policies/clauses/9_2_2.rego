# METADATA
# title: An audit programme is planned and carried out
# description: |
#   An approved audit programme (document, topic audit_programme) is in
#   force and inside its review period (major gap when none is on file, in
#   force or approved; minor when its review is overdue). Every audit it
#   plans (planned_audits) whose due date has passed has a report: an
#   internal_audit record with the planned id, performed by then or since
#   (a minor gap for each that has none). Every nonconformity an audit
#   report names is in the nonconformity register (a minor gap for each
#   that is not).
# custom:
#   clause: "9.2.2"
#   inputs:
#     evidence: ["document:audit_programme", "internal_audit", "nonconformity_register"]
package annexa.clauses.c9_2_2

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "audit programme"

programmes := documents.in_force(["document"], "audit_programme")

reports := {r.attributes.id: r | some r in clauses.performed("internal_audit")}

due := [{"record": p, "audit": a} |
	some p in programmes
	some a in object.get(p.attributes, "planned_audits", [])
	evidence.ns(a.due_at) <= evidence.now_ns
]

registered := {e.entry.id | some e in evidence.entries("nonconformity_register")}

raised := [{"audit": r, "nc": nc} |
	some r in clauses.performed("internal_audit")
	some nc in object.get(r.attributes, "nonconformities", [])
]

met contains m if some m in clauses.document_met("document", "audit_programme", what)

met contains clauses.shown_all(msg, [reports[d.audit.id].id | some d in done]) if {
	count(done) > 0
	msg := sprintf("%d of the %d audits due under the programme have a report: %s", [count(done), count(due), concat(", ", [d.audit.id | some d in done])])
}

done := [d | some d in due; reports[d.audit.id]]

met contains clauses.shown_all(msg, [x.audit.id | some x in raised]) if {
	count(raised) > 0
	count([x | some x in raised; not x.nc in registered]) == 0
	msg := sprintf("The %d nonconformities audits raised are all in the nonconformity register", [count(raised)])
}

gaps contains g if some g in clauses.document_gaps("document", "audit_programme", what)

gaps contains clauses.minor(msg, sprintf("%s#%s", [d.record.id, d.audit.id])) if {
	some d in due
	not reports[d.audit.id]
	msg := sprintf("Audit %s (%s), due by %s under %s %s, has no report (an internal_audit record with id %s)", [d.audit.id, concat(", ", d.audit.scope), evidence.day(d.audit.due_at), what, d.record.attributes.id, d.audit.id])
}

gaps contains clauses.minor(msg, x.audit.id) if {
	count(evidence.records("nonconformity_register")) > 0
	some x in raised
	not x.nc in registered
	msg := sprintf("Audit %s raised nonconformity %s, which is not in the nonconformity register", [x.audit.attributes.id, x.nc])
}

status := clauses.status(met, gaps)
