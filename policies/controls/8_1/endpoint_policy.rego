# METADATA
# title: A user endpoint device policy is approved and in force
# description: |
#   The rules for user endpoint devices (registration, encryption, screen
#   lock, updates, endpoint protection, personally owned devices, what to do
#   when a device is lost) are written down in a policy record with topic
#   user_endpoint_devices that is approved, not a draft or retired, and
#   inside its review interval. With evidence declared but no such policy on
#   file, the policy is reported missing.
# custom:
#   controls: ["8.1"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write the user endpoint device policy, have it approved, record it as
#     kind: policy with topic: user_endpoint_devices, a review_interval and
#     the approval, and review it within that interval.
package annexa.controls.c8_1.endpoint_policy

import data.annexa.lib.documents

deny contains finding if {
	some finding in documents.findings(["policy"], "user_endpoint_devices", "user endpoint device policy")
}

# judged are the user endpoint device policies findings judges.
judged := documents.judged(["policy"], "user_endpoint_devices")
