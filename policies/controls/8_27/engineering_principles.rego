# METADATA
# title: Secure engineering principles documented and current
# description: |
#   Principles for engineering secure systems (document, policy or
#   procedure with topic secure_engineering_principles: defence in depth,
#   least privilege, secure by default, fail secure, zero trust between
#   services, and how every architecture layer is designed for security)
#   are documented, approved and inside their review period, so that they
#   are reviewed as threats and technology change. Whether new designs
#   apply them is for the auditor to sample in design reviews.
# custom:
#   controls: ["8.27"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:document", "evidence:policy", "evidence:procedure"]
#   remediation: |
#     Document the secure engineering principles the organisation designs
#     to, have them approved, review them at a set interval and record them
#     as a document with topic secure_engineering_principles.
package annexa.controls.c8_27.engineering_principles

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["document", "policy", "procedure"], "secure_engineering_principles", "secure engineering principles")
}

# judged are the secure engineering principles findings judges.
judged := documents.judged(["document", "policy", "procedure"], "secure_engineering_principles")
