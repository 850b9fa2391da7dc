# METADATA
# title: Risks and opportunities are planned for
# description: |
#   The run has a risk register with at least one risk, each with an owner
#   and a treatment (a major gap when the run declares evidence but no
#   register); annexa evaluates the effectiveness of the controls each risk
#   names, which is how the actions are evaluated. The risks rest on a
#   documented context (4.1) and interested parties (4.2): a missing record
#   of either is a minor gap. A risk treated by modification that names no
#   controls is a minor gap.
# custom:
#   clause: "6.1.1"
#   inputs:
#     evidence: ["document:context", "document:interested_parties"]
#     declarations: ["risk register"]
package annexa.clauses.c6_1_1

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

met contains clauses.shown(msg, "risk_register") if {
	clauses.register_declared
	count(clauses.risks) > 0
	ctls := {c.id | some r in clauses.risks; some c in r.controls}
	msg := sprintf("Risk register %s lists %d risk(s), each with an owner and a treatment; annexa evaluated the effectiveness of the %d control(s) they name", [data.run.risks.register, count(clauses.risks), count(ctls)])
}

met contains clauses.shown(msg, r.id) if {
	some topic, what in inputs
	some r in documents.in_force(["document"], topic)
	msg := sprintf("The risks rest on the documented %s, %s", [what, r.attributes.id])
}

inputs := {"context": "context (4.1)", "interested_parties": "interested parties (4.2)"}

gaps contains clauses.major("No risk register: name it in annexa.yaml (risks:) or with --risks", "missing:risk_register") if {
	evidence.declared
	not clauses.register_declared
}

gaps contains clauses.minor(msg, sprintf("missing:document/%s", [topic])) if {
	evidence.declared
	some topic, what in inputs
	count(documents.in_force(["document"], topic)) == 0
	msg := sprintf("Risks and opportunities do not rest on a documented %s: no record is on file", [what])
}

gaps contains clauses.minor(msg, clauses.risk_ref(r)) if {
	some r in clauses.risks
	r.treatment == "modify"
	count(r.controls) == 0
	msg := sprintf("Risk %s is to be modified by controls but names none", [r.id])
}

status := clauses.status(met, gaps)
