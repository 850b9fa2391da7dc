# METADATA
# title: Security events are assessed and classified within 72 hours
# description: |
#   Every entry of the incident register (an information security event)
#   is assessed within 72 hours of being reported: assessed_at is set, not
#   before reported_at, and no more than 72 hours after it. The assessment
#   decides the classification (event or incident, a required field), and
#   an entry classified as an incident must also carry a severity. An entry
#   still unassessed more than 72 hours after it was reported is a finding
#   whenever it was reported; a late assessment is a finding for entries
#   reported in the last 12 months (the audit period), so one old slip does
#   not fail the control for ever.
# custom:
#   controls: ["5.25"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:incident_register"]
#   remediation: |
#     Assess each event named (is it an incident, how severe), record
#     assessed_at, the classification and for incidents the severity, and
#     make sure the on-call rota lets triage happen within 72 hours.
package annexa.controls.c5_25.event_assessment

import data.annexa.lib.evidence
import data.annexa.lib.incidents
import data.annexa.lib.periodic

# assessment_hours is how soon after being reported an event is assessed.
assessment_hours := 72

# lookback_months is how far back late assessments are reported.
lookback_months := 12

deny contains f if some f in incidents.register_missing

deny contains f if {
	some i in incidents.events
	not i.entry.assessed_at
	periodic.hours_between(i.entry.reported_at, time.format(evidence.now_ns)) > assessment_hours
	f := {
		"msg": sprintf("event %s, reported on %s, has not been assessed (no assessed_at); events are to be assessed within %d hours", [incidents.who(i), evidence.day(i.entry.reported_at), assessment_hours]),
		"resource": incidents.ref(i),
		"details": incidents.details(i),
	}
}

deny contains f if {
	some i in incidents.events
	hours := periodic.hours_between(i.entry.reported_at, i.entry.assessed_at)
	hours > assessment_hours
	periodic.within(i.entry.reported_at, lookback_months)
	f := {
		"msg": sprintf("event %s, reported on %s, was assessed only on %s, %d hours later; events are to be assessed within %d hours", [incidents.who(i), evidence.day(i.entry.reported_at), evidence.day(i.entry.assessed_at), hours, assessment_hours]),
		"resource": incidents.ref(i),
		"details": object.union(incidents.details(i), {"assessed_at": evidence.day(i.entry.assessed_at), "hours": hours}),
	}
}

deny contains f if {
	some i in incidents.events
	periodic.hours_between(i.entry.reported_at, i.entry.assessed_at) < 0
	f := {
		"msg": sprintf("event %s is recorded as assessed on %s, before it was reported on %s", [incidents.who(i), evidence.day(i.entry.assessed_at), evidence.day(i.entry.reported_at)]),
		"resource": incidents.ref(i),
		"details": object.union(incidents.details(i), {"assessed_at": evidence.day(i.entry.assessed_at)}),
	}
}

deny contains f if {
	some i in incidents.incidents
	not i.entry.severity
	f := {
		"msg": sprintf("incident %s has no severity, so the priority of its response was never decided", [incidents.who(i)]),
		"resource": incidents.ref(i),
		"details": incidents.details(i),
	}
}

# judged are the events of the incident register.
judged := {incidents.ref(i) | some i in incidents.events}
