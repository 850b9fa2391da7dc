# METADATA
# title: Core operating procedures are documented, approved and current
# description: |
#   The operating procedures of the information processing facilities that
#   every organisation relies on are documented as procedure records, each
#   approved, neither draft nor retired, and inside its review period:
#   user access provisioning and removal (topic access_provisioning),
#   backup and restore (backup), change management (change_management) and
#   incident response (incident_response, the runbook the people on call
#   follow). A missing procedure, or one that cannot be relied on, is a
#   finding. Other procedures the organisation needs (installation, log
#   review, media handling, restart and recovery) are for the auditor to
#   ask about.
# custom:
#   controls: ["5.37"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Document the missing or outdated procedure step by step for the people
#     who run it, have its owner approve it, set a review interval, make it
#     available to everyone who needs it, and record it as a procedure with
#     the topic named.
package annexa.controls.c5_37.operating_procedures

import data.annexa.lib.documents

# required maps each procedure topic to how messages name it.
required := {
	"access_provisioning": "access provisioning procedure",
	"backup": "backup and restore procedure",
	"change_management": "change management procedure",
	"incident_response": "incident response procedure",
}

deny contains f if {
	some topic, what in required
	some f in documents.findings(["procedure"], topic, what)
}

# judged are the required procedures findings judges.
judged contains id if {
	some topic, _ in required
	some id in documents.judged(["procedure"], topic)
}
