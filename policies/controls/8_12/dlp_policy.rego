# METADATA
# title: A data leakage prevention policy is approved and in force
# description: |
#   What counts as sensitive data, which egress channels (e-mail, web
#   upload, removable media, cloud sharing, messaging) are monitored or
#   blocked for it, and how leakage alerts are reviewed are written down in
#   a policy record with topic data_leakage_prevention that is approved,
#   not a draft or retired, and inside its review interval. With evidence
#   declared but no such policy on file, the policy is reported missing.
# custom:
#   controls: ["8.12"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write the data leakage prevention policy (data in scope, channels and
#     their controls, alert review), have it approved and record it as kind:
#     policy with topic: data_leakage_prevention and a review_interval.
package annexa.controls.c8_12.dlp_policy

import data.annexa.lib.documents

deny contains finding if {
	some finding in documents.findings(["policy"], "data_leakage_prevention", "data leakage prevention policy")
}

# judged are the data leakage prevention policies findings judges.
judged := documents.judged(["policy"], "data_leakage_prevention")
