# METADATA
# title: An information security event reporting procedure is approved and current
# description: |
#   The organisation has a procedure telling everyone how, to whom and how
#   quickly to report observed or suspected information security events (a
#   procedure record with topic event_reporting) that is approved, neither
#   draft nor retired, and inside its review period. A missing procedure, or
#   one that cannot be relied on, is a finding.
# custom:
#   controls: ["6.8"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Approve an event reporting procedure (what to report, the reporting
#     channel and point of contact, how quickly, what not to do such as
#     testing a suspected weakness), set a review interval and record it as
#     a procedure with topic event_reporting.
package annexa.controls.c6_8.event_reporting_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure"], "event_reporting", "event reporting procedure")
}

# judged are the event reporting procedures findings judges.
judged := documents.judged(["procedure"], "event_reporting")
