# METADATA
# title: People are aware of the policy and their contribution
# description: |
#   The information security policy in force was communicated after its
#   approval (communicated_at; a minor gap when not, and when the run
#   declares evidence but has no approved policy in force), and control A.6.3
#   (information security awareness, education and training) passes (a
#   minor gap when it fails or cannot be assessed).
# custom:
#   clause: "7.3"
#   inputs:
#     evidence: ["policy:information_security"]
#     controls: ["6.3"]
package annexa.clauses.c7_3

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "information security policy"

policies := [r |
	some r in documents.in_force(["policy"], "information_security")
	evidence.approved(r)
]

met contains clauses.shown(msg, r.id) if {
	some r in policies
	not documents.not_communicated(r)
	msg := sprintf("%s %s was communicated on %s", [clauses.capitalize(what), r.attributes.id, evidence.day(r.attributes.communicated_at)])
}

met contains m if some m in clauses.control_met("6.3")

gaps contains clauses.minor(f.msg, f.resource) if {
	some f in documents.communication_findings("information_security", clauses.capitalize(what))
}

gaps contains clauses.minor("No approved information security policy is in force for people to be aware of", "missing:policy/information_security") if {
	evidence.declared
	count(policies) == 0
}

gaps contains g if some g in clauses.control_gaps("6.3")

status := clauses.status(met, gaps)
