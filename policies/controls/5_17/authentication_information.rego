# METADATA
# title: Authentication procedure is in force
# description: |
#   A procedure or policy for authentication information (record topic
#   authentication_information: issuing, resetting and revoking passwords,
#   tokens and keys, verifying identity before a reset, changing defaults,
#   and advice to personnel on keeping them secret) is in force, approved
#   and inside its review period; when it is a policy it was also
#   communicated on or after its approval (communicated_at). Password and
#   MFA settings of systems are checked by the technical policies of 8.5.
# custom:
#   controls: ["5.17"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure", "evidence:policy"]
#   remediation: |
#     Document how authentication information is allocated, reset and
#     revoked and what personnel must do to keep it secret, have it
#     approved, tell personnel about it and review it at its planned
#     interval.
package annexa.controls.c5_17.authentication_information

import data.annexa.lib.documents

what := "authentication information procedure"

deny contains f if {
	some f in documents.findings(["procedure", "policy"], "authentication_information", what)
}

deny contains f if {
	some f in documents.communication_findings("authentication_information", "authentication information policy")
}

# judged are the authentication information procedures and policies
# findings judges.
judged := documents.judged(["procedure", "policy"], "authentication_information")
