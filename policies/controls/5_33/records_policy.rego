# METADATA
# title: A records retention and protection policy is approved and current
# description: |
#   The organisation has a topic-specific policy on the protection and
#   retention of records (a policy record with topic records_retention):
#   which records are kept, for how long and why (the retention schedule),
#   how they are protected from loss, falsification and unauthorized access
#   and release, and how they are disposed of. It must be approved, neither
#   draft nor retired, and inside its review period. A missing policy, or
#   one that cannot be relied on, is a finding.
# custom:
#   controls: ["5.33"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write and approve a records retention and protection policy with a
#     retention schedule (record type, retention period, legal basis,
#     storage and protection, disposal), set a review interval and record it
#     as a policy with topic records_retention.
package annexa.controls.c5_33.records_policy

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["policy"], "records_retention", "records retention policy")
}

# judged are the records retention policies findings judges.
judged := documents.judged(["policy"], "records_retention")
