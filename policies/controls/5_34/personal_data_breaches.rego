# METADATA
# title: Personal data breaches are assessed and notified within 72 hours
# description: |
#   Every entry classified as an incident in the incident register says
#   whether personal data was involved (personal_data). An incident that
#   involved personal data is a personal data breach: it is assessed
#   (assessed_at) within 72 hours of being reported, the assessment records
#   whether the breach must be notified to the supervisory authority
#   (notification_required), and a notifiable breach was notified
#   (authority_notified_at) within 72 hours of being reported, the deadline
#   of GDPR article 33 counted from when the organisation became aware. A
#   breach left unassessed, undecided or unnotified is a finding whenever
#   it was reported; a late assessment or notification is a finding for
#   breaches reported in the last 12 months.
# custom:
#   controls: ["5.34"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:incident_register"]
#   remediation: |
#     Record for every incident whether personal data was involved; for
#     each breach named, assess the risk to the people affected, record the
#     notification decision and, when notifiable, notify the supervisory
#     authority (and the people affected where the risk is high) and record
#     when. Put the 72-hour clock in the incident plan.
package annexa.controls.c5_34.personal_data_breaches

import data.annexa.lib.evidence
import data.annexa.lib.incidents
import data.annexa.lib.periodic

# deadline_hours is the notification deadline of GDPR article 33.
deadline_hours := 72

lookback_months := 12

breaches := [i | some i in incidents.incidents; i.entry.personal_data == true]

deny contains f if some f in incidents.register_missing

deny contains f if {
	some i in incidents.incidents
	not is_boolean(object.get(i.entry, "personal_data", null))
	f := {
		"msg": sprintf("incident %s does not record whether personal data was involved (personal_data)", [incidents.who(i)]),
		"resource": incidents.ref(i),
		"severity": "medium",
		"details": incidents.details(i),
	}
}

deny contains f if {
	some i in breaches
	not i.entry.assessed_at
	periodic.hours_between(i.entry.reported_at, time.format(evidence.now_ns)) > deadline_hours
	f := finding(i, "has not been assessed (assessed_at)", {})
}

deny contains f if {
	some i in breaches
	hours := periodic.hours_between(i.entry.reported_at, i.entry.assessed_at)
	hours > deadline_hours
	periodic.within(i.entry.reported_at, lookback_months)
	f := finding(i, sprintf("was assessed only on %s, %d hours after it was reported", [evidence.day(i.entry.assessed_at), hours]), {"assessed_at": evidence.day(i.entry.assessed_at)})
}

deny contains f if {
	some i in breaches
	i.entry.assessed_at
	not is_boolean(object.get(i.entry, "notification_required", null))
	f := finding(i, "has no recorded decision on notifying the supervisory authority (notification_required)", {})
}

deny contains f if {
	some i in breaches
	i.entry.notification_required == true
	not i.entry.authority_notified_at
	periodic.hours_between(i.entry.reported_at, time.format(evidence.now_ns)) > deadline_hours
	f := finding(i, "is notifiable but the supervisory authority has not been notified (authority_notified_at)", {})
}

deny contains f if {
	some i in breaches
	i.entry.notification_required == true
	hours := periodic.hours_between(i.entry.reported_at, i.entry.authority_notified_at)
	hours > deadline_hours
	periodic.within(i.entry.reported_at, lookback_months)
	f := finding(i, sprintf("was notified to the supervisory authority only on %s, %d hours after it was reported", [evidence.day(i.entry.authority_notified_at), hours]), {"authority_notified_at": evidence.day(i.entry.authority_notified_at)})
}

finding(i, what, details) := {
	"msg": sprintf("personal data breach %s, reported on %s, %s; the deadline is %d hours", [incidents.who(i), evidence.day(i.entry.reported_at), what, deadline_hours]),
	"resource": incidents.ref(i),
	"details": object.union(incidents.details(i), details),
}

# judged are the incidents of the register: whether each involved personal
# data, and the handling of those that did.
judged := {incidents.ref(i) | some i in incidents.incidents}
