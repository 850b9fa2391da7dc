# METADATA
# title: The information security policy is approved and communicated
# description: |
#   An approved information security policy (a policy record with topic
#   information_security) is in force and inside its review period (major
#   gap when none is on file, in force or approved; minor when its review is
#   overdue), and was communicated after its approval (communicated_at; a
#   minor gap when not). Control A.5.1 (policies for information security)
#   passes; its failure is a minor gap.
# custom:
#   clause: "5.2"
#   inputs:
#     evidence: ["policy:information_security"]
#     controls: ["5.1"]
package annexa.clauses.c5_2

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "information security policy"

met contains m if some m in clauses.document_met("policy", "information_security", what)

met contains clauses.shown(msg, r.id) if {
	some r in documents.in_force(["policy"], "information_security")
	evidence.approved(r)
	not documents.not_communicated(r)
	msg := sprintf("%s %s was communicated on %s", [clauses.capitalize(what), r.attributes.id, evidence.day(r.attributes.communicated_at)])
}

met contains m if some m in clauses.control_met("5.1")

gaps contains g if some g in clauses.document_gaps("policy", "information_security", what)

gaps contains clauses.minor(f.msg, f.resource) if {
	some f in documents.communication_findings("information_security", clauses.capitalize(what))
}

gaps contains g if some g in clauses.control_gaps("5.1")

status := clauses.status(met, gaps)
