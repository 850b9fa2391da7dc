# METADATA
# title: Designated time sources are documented and in force
# description: |
#   The time sources that hosts, network devices and cloud services
#   synchronize with (for example the Amazon Time Sync Service at
#   169.254.169.123, internal NTP servers, or a named public pool), the time
#   zone of log timestamps and the drift tolerance that raises an alert are
#   written down in a document record with topic clock_synchronization that
#   is approved, not a draft or retired, and inside its review interval.
#   Clock settings are not visible in Terraform, so this is the evidence
#   annexa can check. With evidence declared but no such document, it is
#   reported missing.
# custom:
#   controls: ["8.17"]
#   severity: low
#   coverage: supporting
#   inputs: ["evidence:document"]
#   remediation: |
#     Document the designated time sources, the log time zone (UTC) and the
#     drift alert, configure hosts (chrony, systemd-timesyncd, Windows Time)
#     accordingly, have the document approved and record it as kind:
#     document with topic: clock_synchronization and a review_interval.
package annexa.controls.c8_17.time_sources

import data.annexa.lib.documents

deny contains finding if {
	some finding in documents.findings(["document"], "clock_synchronization", "clock synchronization standard")
}

# judged are the clock synchronization standards findings judges.
judged := documents.judged(["document"], "clock_synchronization")
