# METADATA
# title: Leavers went through the exit process and lost access by their last day
# description: |
#   Every person in the personnel register whose end date has passed has
#   exit_completed_at (the exit process in which the duties that outlast
#   employment, such as confidentiality, were communicated) and
#   access_revoked_at, each no later than one day after the end date. A
#   missing date, or one later than that, is a finding; access still open
#   after someone left is rated high, a late exit process medium.
# custom:
#   controls: ["6.5"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:personnel_register"]
#   remediation: |
#     Run the exit process on or before each leaver's last day (remind them
#     of their continuing confidentiality duties, collect assets) and revoke
#     all their access by the end of that day; record exit_completed_at and
#     access_revoked_at in the personnel register.
package annexa.controls.c6_5.leavers

import data.annexa.lib.evidence
import data.annexa.lib.people

# grace_days is how long after the end date the exit steps may be recorded:
# access removed at the end of the last day is often logged the next day.
grace_days := 1

steps := {
	"exit_completed_at": {"what": "the exit process was completed", "severity": "medium"},
	"access_revoked_at": {"what": "their access was revoked", "severity": "high"},
}

deny contains f if some f in people.register_missing

deny contains finding if {
	some s in people.leavers
	some field, step in steps
	not s.entry[field]
	finding := {
		"msg": sprintf("%s left on %s but there is no record that %s (%s is missing)", [people.who(s.entry), evidence.day(s.entry.end_date), step.what, field]),
		"resource": people.ref(s),
		"severity": step.severity,
		"details": {"person": s.entry.id, "end_date": evidence.day(s.entry.end_date)},
	}
}

deny contains finding if {
	some s in people.leavers
	some field, step in steps
	done := s.entry[field]
	deadline := people.days_after(s.entry.end_date, grace_days)
	evidence.day(done) > deadline
	finding := {
		"msg": sprintf(
			"%s left on %s but %s only on %s, after the deadline of %s",
			[people.who(s.entry), evidence.day(s.entry.end_date), step.what, evidence.day(done), deadline],
		),
		"resource": people.ref(s),
		"severity": step.severity,
		"details": {"person": s.entry.id, "end_date": evidence.day(s.entry.end_date), field: evidence.day(done)},
	}
}

# judged are the people who have left.
judged := {people.ref(s) | some s in people.leavers}
