# METADATA
# title: Web filtering rules in force
# description: |
#   Access to external websites is filtered under a documented policy or
#   procedure with topic web_filtering: which categories and sites are
#   blocked (malware, phishing, newly registered domains, illegal content),
#   how the filter is enforced on office networks and on devices off the
#   premises, and how exceptions are approved. It must be in force,
#   approved and inside its review period. That the filter is deployed on
#   every device is for the auditor to check.
# custom:
#   controls: ["8.23"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:policy", "evidence:procedure"]
#   remediation: |
#     Document the web filtering rules and how they are enforced (DNS
#     filtering, secure web gateway or endpoint agent), have them approved
#     and record them as a policy with topic web_filtering and a review
#     interval.
package annexa.controls.c8_23.web_filtering

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["policy", "procedure"], "web_filtering", "web filtering policy")
}

# judged are the web filtering policies and procedures findings judges.
judged := documents.judged(["policy", "procedure"], "web_filtering")
