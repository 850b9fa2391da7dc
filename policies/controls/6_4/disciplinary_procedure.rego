# METADATA
# title: A disciplinary procedure is approved and current
# description: |
#   The organisation has a disciplinary procedure for information security
#   policy violations (a procedure record with topic disciplinary) that is
#   approved, neither draft nor retired, and inside its review period
#   (review_interval or expires). A missing procedure, or one that cannot be
#   relied on, is a finding. Whether it is communicated and applied fairly
#   is for the auditor to sample.
# custom:
#   controls: ["6.4"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Write and approve a disciplinary procedure for information security
#     policy violations (graduated response, the right to be heard, who
#     decides), set a review interval, and record it as a procedure with
#     topic disciplinary.
package annexa.controls.c6_4.disciplinary_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure"], "disciplinary", "disciplinary procedure")
}

# judged are the disciplinary procedures findings judges.
judged := documents.judged(["procedure"], "disciplinary")
