# METADATA
# title: A supplier security policy is approved and current
# description: |
#   The organisation has a topic-specific policy on information security in
#   supplier relationships (a policy record with topic supplier_security):
#   how suppliers are selected, classified, contracted, assessed and exited.
#   It must be approved, neither draft nor retired, and inside its review
#   period (review_interval or expires). A missing policy, or one that
#   cannot be relied on, is a finding. Whether the policy is followed is
#   checked by the supplier register policies of 5.19 to 5.23.
# custom:
#   controls: ["5.19"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write and approve a supplier security policy (supplier types and
#     criticality, due diligence before onboarding, required contract
#     clauses, assessment frequency, offboarding), set a review interval
#     and record it as a policy with topic supplier_security.
package annexa.controls.c5_19.supplier_policy

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["policy"], "supplier_security", "supplier security policy")
}

# judged are the supplier security policies findings judges.
judged := documents.judged(["policy"], "supplier_security")
