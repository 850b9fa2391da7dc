# METADATA
# title: An incident management plan is approved and current
# description: |
#   The organisation has an information security incident management plan
#   (a plan record with topic incident_response) that is approved, neither
#   draft nor retired, and inside its review period (review_interval or
#   expires): the roles, how events are reported, assessed, escalated,
#   responded to and communicated, and how evidence is kept. A missing plan,
#   or one that cannot be relied on, is a finding. Whether the plan has been
#   exercised is for the auditor to ask (a continuity test with topic
#   incident_response records it).
# custom:
#   controls: ["5.24"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:plan"]
#   remediation: |
#     Write and approve an incident management plan (roles and contacts,
#     reporting channel, triage and severity scale, escalation, response
#     playbooks, communication and regulators, evidence handling, post
#     incident review), set a review interval and record it as a plan with
#     topic incident_response.
package annexa.controls.c5_24.incident_plan

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["plan"], "incident_response", "incident management plan")
}

# judged are the incident management plans findings judges.
judged := documents.judged(["plan"], "incident_response")
