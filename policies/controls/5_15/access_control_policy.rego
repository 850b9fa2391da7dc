# METADATA
# title: Access control policy current and communicated
# description: |
#   An access control policy (policy topic access_control: need-to-know,
#   least privilege, how access is requested, approved, reviewed and
#   removed) is in force, approved, inside its review period and
#   communicated on or after its approval (communicated_at). Whether access
#   is actually granted that way is checked by 5.16, 5.18 and the
#   infrastructure policies mapped to 5.15 (c8_2.aws_iam_admin).
# custom:
#   controls: ["5.15"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Document the rules for physical and logical access (business and
#     security requirements, least privilege, segregation, request and
#     approval, periodic review, removal), have them approved, communicate
#     each approved version and review them at their planned interval.
package annexa.controls.c5_15.access_control_policy

import data.annexa.lib.documents

what := "access control policy"

deny contains f if {
	some f in documents.findings(["policy"], "access_control", what)
}

deny contains f if {
	some f in documents.communication_findings("access_control", what)
}

# judged are the access control policies findings judges.
judged := documents.judged(["policy"], "access_control")
