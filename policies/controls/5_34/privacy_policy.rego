# METADATA
# title: A privacy and PII protection policy is approved and current
# description: |
#   The organisation has a topic-specific policy on privacy and the
#   protection of personally identifiable information (a policy record with
#   topic privacy): lawful bases, data subject rights, retention, transfers,
#   processors, breach notification and the privacy officer's role. It must
#   be approved, neither draft nor retired, and inside its review period. A
#   missing policy, or one that cannot be relied on, is a finding.
# custom:
#   controls: ["5.34"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Write and approve a privacy and PII protection policy, communicate it
#     to everyone who handles personal data, set a review interval and
#     record it as a policy with topic privacy.
package annexa.controls.c5_34.privacy_policy

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["policy"], "privacy", "privacy policy")
}

# judged are the privacy policies findings judges.
judged := documents.judged(["policy"], "privacy")
