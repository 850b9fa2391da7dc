# METADATA
# title: Secure coding standard in force
# description: |
#   A secure coding standard (document, procedure or policy with topic
#   secure_coding: input validation and output encoding, handling of
#   secrets, use of vetted libraries, error handling, code review and the
#   static analysis run before merge) is in force, approved and inside its
#   review period. Developers' training in it is checked by
#   c8_28.secure_coding_training.
# custom:
#   controls: ["8.28"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:document", "evidence:procedure", "evidence:policy"]
#   remediation: |
#     Adopt a secure coding standard for the languages in use (for example
#     based on the OWASP ASVS and cheat sheets), have it approved, review it
#     at a set interval and record it with topic secure_coding.
package annexa.controls.c8_28.secure_coding_standard

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["document", "procedure", "policy"], "secure_coding", "secure coding standard")
}

# judged are the secure coding standards findings judges.
judged := documents.judged(["document", "procedure", "policy"], "secure_coding")
