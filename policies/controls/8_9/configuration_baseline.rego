# METADATA
# title: Hardened configuration baselines are documented and in force
# description: |
#   The hardened configuration baselines for the organisation's systems,
#   devices and cloud services (for example the CIS Benchmarks adopted, with
#   their deviations) are on file as a document record with topic
#   configuration_baseline that is approved, not a draft or retired, and
#   inside its review interval. With evidence declared but no such document,
#   the baselines are reported missing.
# custom:
#   controls: ["8.9"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:document"]
#   remediation: |
#     Document the baseline of each type of system (which benchmark, which
#     settings, which accepted deviations), have it approved, record it as
#     kind: document with topic: configuration_baseline and a
#     review_interval, and review it when systems change.
package annexa.controls.c8_9.configuration_baseline

import data.annexa.lib.documents

deny contains finding if {
	some finding in documents.findings(["document"], "configuration_baseline", "configuration baseline")
}

# judged are the configuration baselines findings judges.
judged := documents.judged(["document"], "configuration_baseline")
