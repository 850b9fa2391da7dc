# METADATA
# title: An intellectual property procedure is approved and current
# description: |
#   The organisation has a procedure for respecting intellectual property
#   rights (a procedure record with topic intellectual_property): acquiring
#   software and content only from legitimate sources, keeping proof of
#   licences, staying within licence terms (user counts, open source
#   licence obligations), and handling copyrighted material. It must be
#   approved, neither draft nor retired, and inside its review period. A
#   missing procedure, or one that cannot be relied on, is a finding.
# custom:
#   controls: ["5.32"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Write and approve an intellectual property procedure (software
#     acquisition and licence records, licence compliance checks, open
#     source licence policy, use of third-party content), set a review
#     interval and record it as a procedure with topic
#     intellectual_property.
package annexa.controls.c5_32.ip_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure"], "intellectual_property", "intellectual property procedure")
}

# judged are the intellectual property procedures findings judges.
judged := documents.judged(["procedure"], "intellectual_property")
