# METADATA
# title: A capacity plan is kept and reviewed on schedule
# description: |
#   The capacity of the organisation's systems (compute, storage, database,
#   network, third-party limits) is planned against forecast demand in a
#   plan record with topic capacity that is approved, not a draft or
#   retired, and reviewed inside its review interval, so the review and the
#   actions it takes happen at set times. With evidence declared but no
#   such plan, the plan is reported missing.
# custom:
#   controls: ["8.6"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:plan"]
#   remediation: |
#     Write a capacity plan (current use, forecast, thresholds, scaling
#     limits and the actions decided), have it approved, record it as kind:
#     plan with topic: capacity and a review_interval, and record each
#     review (reviewed_at).
package annexa.controls.c8_6.capacity_plan

import data.annexa.lib.documents

deny contains finding if {
	some finding in documents.findings(["plan"], "capacity", "capacity plan")
}

# judged are the capacity plans findings judges.
judged := documents.judged(["plan"], "capacity")
