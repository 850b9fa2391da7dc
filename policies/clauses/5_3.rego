# METADATA
# title: ISMS roles, responsibilities and authorities are assigned
# description: |
#   A role register (role_register) is approved and inside its review period
#   (major gap when none is on file or it is not approved; minor when its
#   review is overdue). Someone holds a role responsible for the ISMS and
#   for reporting on its performance to top management (CISO, information
#   security manager and the like; a major gap when nobody does), and every
#   such holder works for the organisation (minor gap). Controls A.5.2 (roles
#   and responsibilities) and A.5.3 (segregation of duties) pass; a failure
#   is a minor gap.
# custom:
#   clause: "5.3"
#   inputs:
#     evidence: ["role_register", "personnel_register"]
#     controls: ["5.2", "5.3"]
package annexa.clauses.c5_3

import data.annexa.lib.clauses
import data.annexa.lib.evidence
import data.annexa.lib.governance

registers := evidence.records("role_register")

managers := [e |
	some e in evidence.entries("role_register")
	"security_manager" in governance.functions(e.entry)
]

met contains clauses.shown(msg, r.id) if {
	some r in registers
	count(evidence.problems(r)) == 0
	msg := sprintf("Role register %s was approved by %s on %s; its next review is due on %s", [r.attributes.id, r.attributes.approved_by, evidence.day(r.attributes.approved_at), evidence.day(r.attributes.due)])
}

met contains clauses.shown(msg, e.record.id) if {
	some e in managers
	not clauses.person_problem(e.entry.holder)
	msg := sprintf("%s holds the role %s, responsible for the ISMS", [e.entry.holder, e.entry.role])
}

met contains m if some m in clauses.control_met("5.2")

met contains m if some m in clauses.control_met("5.3")

gaps contains clauses.major("No role register on file", "missing:role_register") if {
	evidence.declared
	count(registers) == 0
}

gaps contains g if {
	some r in registers
	p := evidence.problems(r)
	count(p) > 0
	g := clauses.gap_of(clauses.approved(r), sprintf("Role register %s cannot be relied on: %s", [r.attributes.id, concat("; ", p)]), r.id)
}

gaps contains clauses.major(msg, r.id) if {
	some r in registers
	count(managers) == 0
	msg := sprintf("Role register %s assigns no role responsible for the ISMS and for reporting on its performance (such as a CISO or information security manager)", [r.attributes.id])
}

gaps contains clauses.minor(msg, e.record.id) if {
	some e in managers
	problem := clauses.person_problem(e.entry.holder)
	msg := sprintf("The role %s is held by %s, %s", [e.entry.role, e.entry.holder, problem])
}

gaps contains g if some g in clauses.control_gaps("5.2")

gaps contains g if some g in clauses.control_gaps("5.3")

status := clauses.status(met, gaps)
