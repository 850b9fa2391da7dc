# METADATA
# title: Change management procedure in force
# description: |
#   Changes to information processing facilities and systems follow a
#   procedure or policy with topic change_management: how changes are
#   requested, assessed for impact, approved by someone other than the
#   requester, tested, implemented with a fallback, communicated and
#   recorded, and how emergency changes are approved after the fact. It
#   must be in force, approved and inside its review period. The change
#   records themselves are checked by c8_32.change_records.
# custom:
#   controls: ["8.32"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure", "evidence:policy"]
#   remediation: |
#     Document the change process, including emergency changes, have it
#     approved and record it as a procedure with topic change_management
#     and a review interval.
package annexa.controls.c8_32.change_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure", "policy"], "change_management", "change management procedure")
}

# judged are the change management procedures and policies findings
# judges.
judged := documents.judged(["procedure", "policy"], "change_management")
