# METADATA
# title: Information transfer policy current, communicated
# description: |
#   An information transfer policy (policy topic information_transfer:
#   the rules for sending information by e-mail, file transfer, removable
#   media, courier and verbally, inside the organisation and to other
#   parties) is in force, approved, inside its review period and
#   communicated on or after its approval (communicated_at). Agreements
#   with suppliers are checked by 5.20.
# custom:
#   controls: ["5.14"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Document the rules for each way information leaves the organisation
#     (encryption, approved channels, labelling, recipients' obligations),
#     have them approved, communicate each approved version and review them
#     at their planned interval.
package annexa.controls.c5_14.information_transfer

import data.annexa.lib.documents

what := "information transfer policy"

deny contains f if {
	some f in documents.findings(["policy"], "information_transfer", what)
}

deny contains f if {
	some f in documents.communication_findings("information_transfer", what)
}

# judged are the information transfer policies findings judges.
judged := documents.judged(["policy"], "information_transfer")
