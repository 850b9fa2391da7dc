# METADATA
# title: Incidents are responded to and closed on time
# description: |
#   Every entry classified as an incident in the incident register is
#   responded to: once closed it records the response taken (response) and
#   when it was closed (closed_at); while open or contained it may stay so
#   for at most 30 days from being reported when its severity is high or
#   critical, and 90 days otherwise (an incident without a severity is
#   held to 30 days). An incident closed without a recorded response, or
#   still open past its limit, is a finding; an overdue high or critical
#   incident is a high finding. Whether the response followed the plan is
#   for the auditor to sample.
# custom:
#   controls: ["5.26"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:incident_register"]
#   remediation: |
#     Record for each closed incident what was done to contain, eradicate
#     and recover (response) and the closing date; for each incident still
#     open past its limit, escalate it, resource the response and close it
#     or record why it cannot yet be closed.
package annexa.controls.c5_26.incident_response

import data.annexa.lib.evidence
import data.annexa.lib.incidents

# open_days is how long an incident may stay open, by severity.
open_days := {"critical": 30, "high": 30, "medium": 90, "low": 90}

limit(i) := open_days[i.entry.severity] if {
	open_days[i.entry.severity]
} else := 30

deny contains f if some f in incidents.register_missing

deny contains f if {
	some i in incidents.incidents
	incidents.closed(i)
	not i.entry.response
	f := {
		"msg": sprintf("incident %s is closed but its register entry does not record the response taken", [incidents.who(i)]),
		"resource": incidents.ref(i),
		"severity": "medium",
		"details": incidents.details(i),
	}
}

deny contains f if {
	some i in incidents.incidents
	incidents.closed(i)
	not i.entry.closed_at
	f := {
		"msg": sprintf("incident %s is closed but its register entry does not record when (closed_at)", [incidents.who(i)]),
		"resource": incidents.ref(i),
		"severity": "low",
		"details": incidents.details(i),
	}
}

deny contains f if {
	some i in incidents.incidents
	not incidents.closed(i)
	days := limit(i)
	evidence.older_than_days(i.entry.reported_at, days)
	f := {
		"msg": sprintf("incident %s, severity %s, reported on %s, is still %s more than %d days later", [incidents.who(i), object.get(i.entry, "severity", "unrated"), evidence.day(i.entry.reported_at), i.entry.status, days]),
		"resource": incidents.ref(i),
		"severity": overdue_severity(i),
		"details": object.union(incidents.details(i), {"limit_days": days}),
	}
}

overdue_severity(i) := "medium" if {
	i.entry.severity in {"low", "medium"}
} else := "high"

# judged are the incidents of the register (entries classified as
# incidents; events need no response).
judged := {incidents.ref(i) | some i in incidents.incidents}
