# METADATA
# title: A business continuity plan covering information security is approved and current
# description: |
#   The organisation has a business continuity plan (a plan record with
#   topic business_continuity) that says how information security is
#   maintained during a disruption (the controls kept, compensating
#   controls, who decides) and is approved, neither draft nor retired, and
#   inside its review period. A missing plan, or one that cannot be relied
#   on, is a finding. That the plan is exercised is checked by the 5.29
#   continuity exercise policy.
# custom:
#   controls: ["5.29"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:plan"]
#   remediation: |
#     Write and approve a business continuity plan that keeps information
#     security at the required level during disruption (critical
#     processes, security controls that must stay in place, compensating
#     controls, roles), set a review interval and record it as a plan with
#     topic business_continuity.
package annexa.controls.c5_29.continuity_plan

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["plan"], "business_continuity", "business continuity plan")
}

# judged are the business continuity plans findings judges.
judged := documents.judged(["plan"], "business_continuity")
