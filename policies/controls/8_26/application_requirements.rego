# METADATA
# title: Every application has approved security requirements
# description: |
#   Each application in the asset register (a software asset in use) has
#   its information security requirements specified and approved: a
#   document with topic application_security_requirements that names the
#   application in systems (by asset id or name), is neither draft nor
#   retired, is approved and is inside its review period. An application
#   that no such document names is a finding; so is every requirements
#   document in force that cannot be relied on. Whether the requirements
#   cover authentication, authorisation, data protection, logging and, for
#   transactional services, integrity and non-repudiation is for the
#   auditor to read.
# custom:
#   controls: ["8.26"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:document", "evidence:asset_register"]
#   remediation: |
#     Write down each application's security requirements (from its
#     classification, legal and contractual obligations and threat model),
#     have the application owner approve them, and record them as a
#     document with topic application_security_requirements listing the
#     application's asset id under systems.
package annexa.controls.c8_26.application_requirements

import data.annexa.lib.development
import data.annexa.lib.documents
import data.annexa.lib.evidence

topic := "application_security_requirements"

what := "application security requirements"

deny contains f if {
	some a in development.applications
	not covered(a)
	f := {
		"msg": sprintf("application %s has no current security requirements: no approved %s document inside its review period names it under systems", [development.who(a), topic]),
		"resource": development.ref(a),
		"details": {"application": a.entry.id},
	}
}

deny contains f if some f in documents.in_force_findings(["document"], topic, what)

covered(a) if {
	some r in documents.in_force(["document"], topic)
	count(evidence.problems(r)) == 0
	some s in object.get(r.attributes, "systems", [])
	development.refers_to(s, a.entry)
}

# judged are the applications in use and the requirements documents in
# force.
judged := {development.ref(a) | some a in development.applications} | {r.id |
	some r in documents.in_force(["document"], topic)
}
