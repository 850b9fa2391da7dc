# METADATA
# title: Nonconformities are corrected
# description: |
#   A nonconformity register (nonconformity_register) is approved and inside
#   its review period (major gap when the run declares evidence and none is
#   on file, or it is not approved; minor when its review is overdue). Every
#   open nonconformity has a due date (due_at) that has not passed; every
#   closed one records its root cause (root_cause), the corrective action
#   (corrective_action), when it closed (closed_at) and a review of the
#   action's effectiveness (effectiveness_reviewed_at). Each that does not is
#   a minor gap.
# custom:
#   clause: "10.2"
#   inputs:
#     evidence: ["nonconformity_register"]
package annexa.clauses.c10_2

import data.annexa.lib.clauses
import data.annexa.lib.evidence

registers := evidence.records("nonconformity_register")

entries := evidence.entries("nonconformity_register")

closed_fields := {
	"root_cause": "its root cause",
	"corrective_action": "the corrective action",
	"closed_at": "when it closed",
	"effectiveness_reviewed_at": "a review of the corrective action's effectiveness",
}

met contains clauses.shown(msg, r.id) if {
	some r in registers
	es := object.get(r.attributes, "entries", [])
	msg := sprintf("Nonconformity register %s lists %d nonconformit(ies): %d closed, %d open", [
		r.attributes.id, count(es),
		count([e | some e in es; e.status == "closed"]),
		count([e | some e in es; e.status == "open"]),
	])
}

met contains clauses.shown_all(msg, [evidence.entry_ref(e) | some e in complete]) if {
	count(complete) > 0
	msg := sprintf("%d closed nonconformit(ies) record root cause, corrective action, closure and an effectiveness review", [count(complete)])
}

complete := [e |
	some e in entries
	e.entry.status == "closed"
	count([f | some f, _ in closed_fields; not e.entry[f]]) == 0
]

gaps contains clauses.major("No nonconformity register on file", "missing:nonconformity_register") if {
	evidence.declared
	count(registers) == 0
}

gaps contains g if {
	some r in registers
	p := evidence.problems(r)
	count(p) > 0
	g := clauses.gap_of(clauses.approved(r), sprintf("Nonconformity register %s cannot be relied on: %s", [r.attributes.id, concat("; ", p)]), r.id)
}

gaps contains clauses.minor(msg, evidence.entry_ref(e)) if {
	some e in entries
	e.entry.status == "closed"
	lacking := [what | some f, what in closed_fields; not e.entry[f]]
	count(lacking) > 0
	msg := sprintf("Nonconformity %s is closed but does not record %s", [e.entry.id, concat(", ", lacking)])
}

gaps contains clauses.minor(msg, evidence.entry_ref(e)) if {
	some e in entries
	e.entry.status == "open"
	not e.entry.due_at
	msg := sprintf("Nonconformity %s, raised on %s, is open without a due date (due_at)", [e.entry.id, evidence.day(e.entry.raised_at)])
}

gaps contains clauses.minor(msg, evidence.entry_ref(e)) if {
	some e in entries
	e.entry.status == "open"
	evidence.ns(e.entry.due_at) < evidence.now_ns
	msg := sprintf("Nonconformity %s, raised on %s, is still open past its due date %s", [e.entry.id, evidence.day(e.entry.raised_at), evidence.day(e.entry.due_at)])
}

status := clauses.status(met, gaps)
