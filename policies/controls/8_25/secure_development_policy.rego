# METADATA
# title: Secure development policy current and communicated
# description: |
#   A secure development policy (policy topic secure_development: security
#   in every phase of the life cycle, separated environments, security
#   requirements and checkpoints, secure coding, security testing, secure
#   repositories and version control, and what is expected of outsourced
#   development) is in force, approved, inside its review period and
#   communicated on or after its approval (communicated_at). Whether
#   projects follow it is judged by 8.26 to 8.32 and by the auditor.
# custom:
#   controls: ["8.25"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write the rules for secure development of software and systems, have
#     them approved, communicate each approved version to everyone who
#     builds or changes systems, and record it as a policy with topic
#     secure_development, communicated_at and a review interval.
package annexa.controls.c8_25.secure_development_policy

import data.annexa.lib.documents

what := "secure development policy"

deny contains f if {
	some f in documents.findings(["policy"], "secure_development", what)
}

deny contains f if {
	some f in documents.communication_findings("secure_development", what)
}

# judged are the secure development policies findings judges.
judged := documents.judged(["policy"], "secure_development")
