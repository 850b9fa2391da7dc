# METADATA
# title: Working in secure areas follows an approved, current procedure
# description: |
#   The organisation has a procedure for working in its secure areas (a
#   procedure record with topic secure_areas) that is approved, neither draft
#   nor retired, and inside its review period. A missing procedure, or one
#   that cannot be relied on, is a finding.
# custom:
#   controls: ["7.6"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Approve a procedure for working in secure areas (who may enter,
#     supervision of third parties, no recording devices, locking vacant
#     areas), set a review interval and record it as a procedure with topic
#     secure_areas.
package annexa.controls.c7_6.secure_areas_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure"], "secure_areas", "secure areas procedure")
}

# judged are the secure areas procedures findings judges.
judged := documents.judged(["procedure"], "secure_areas")
