# METADATA
# title: A cloud services policy is approved and current
# description: |
#   The organisation has a topic-specific policy on the use of cloud
#   services (a policy record with topic cloud_services): how cloud services
#   are chosen, the security requirements they must meet, the division of
#   responsibilities with the provider, and how the organisation exits them.
#   It must be approved, neither draft nor retired, and inside its review
#   period. A missing policy, or one that cannot be relied on, is a finding.
# custom:
#   controls: ["5.23"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write and approve a cloud services policy (acquisition, required
#     controls and certifications, shared responsibility, data location,
#     monitoring, exit), set a review interval and record it as a policy
#     with topic cloud_services.
package annexa.controls.c5_23.cloud_policy

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["policy"], "cloud_services", "cloud services policy")
}

# judged are the cloud services policies findings judges.
judged := documents.judged(["policy"], "cloud_services")
