# METADATA
# title: Clear desk and clear screen rules are an approved, current policy
# description: |
#   The organisation has clear desk and clear screen rules (a policy record
#   with topic clear_desk) that are approved, neither draft nor retired, and
#   inside their review period. A missing policy, or one that cannot be relied
#   on, is a finding.
# custom:
#   controls: ["7.7"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Approve clear desk and clear screen rules (lock screens when away, lock
#     away papers and media, clear printers and whiteboards, automatic screen
#     lock), set a review interval and record them as a policy with topic
#     clear_desk.
package annexa.controls.c7_7.clear_desk_policy

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["policy"], "clear_desk", "clear desk and clear screen policy")
}

# judged are the clear desk policies findings judges.
judged := documents.judged(["policy"], "clear_desk")
