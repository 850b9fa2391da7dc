# METADATA
# title: An evidence collection procedure is approved and current
# description: |
#   The organisation has a procedure for identifying, collecting, acquiring
#   and preserving evidence of information security events (a procedure
#   record with topic evidence_collection): chain of custody, forensic
#   copies, log retention holds, when to call in specialists or the police.
#   It must be approved, neither draft nor retired, and inside its review
#   period. A missing procedure, or one that cannot be relied on, is a
#   finding.
# custom:
#   controls: ["5.28"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Write and approve an evidence collection procedure (what to preserve
#     for which incident types, how to take and hash copies, chain of
#     custody form, storage, legal hold, external forensics), set a review
#     interval and record it as a procedure with topic evidence_collection.
package annexa.controls.c5_28.evidence_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure"], "evidence_collection", "evidence collection procedure")
}

# judged are the evidence collection procedures findings judges.
judged := documents.judged(["procedure"], "evidence_collection")
