# METADATA
# title: Changes approved before implementation by someone else, and tested
# description: |
#   Every change in the change records (change_record entries) that has
#   been implemented (implemented_at not after the effective time, status
#   not rejected or cancelled) must be approved (approved_by and
#   approved_at) no later than it was implemented, by someone other than
#   the person who requested it (requested_by) and the person who
#   implemented it (implemented_by), and tested before implementation
#   (tested: true). Emergency changes (emergency: true) may be implemented
#   first, but must be approved within 7 days afterwards, and are not held
#   to the testing rule. Without change records, when evidence is declared,
#   the records are missing. Whether each change's impact was assessed and
#   its fallback planned is for the auditor to sample.
# custom:
#   controls: ["8.32"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:change_record"]
#   remediation: |
#     Approve every change before it is deployed, by a change approver who
#     neither requested nor deploys it (enforce it with required reviews
#     and protected deployment environments); approve emergency changes
#     retrospectively within 7 days; record the test of each change.
package annexa.controls.c8_32.change_records

import data.annexa.lib.evidence
import data.annexa.lib.governance

# emergency_days is how long after implementation an emergency change may
# be approved.
emergency_days := 7

deny contains evidence.missing("change_record", "change records") if {
	evidence.declared
	count(evidence.records("change_record")) == 0
}

deny contains f if {
	some c in implemented
	not approved(c.entry)
	not c.entry.emergency == true
	f := finding(c, sprintf("%s was implemented on %s without approval", [what(c), evidence.day(c.entry.implemented_at)]), "high", {})
}

deny contains f if {
	some c in implemented
	not approved(c.entry)
	c.entry.emergency == true
	evidence.older_than_days(c.entry.implemented_at, emergency_days)
	f := finding(
		c,
		sprintf("%s was implemented on %s and has no retrospective approval; it was due within %d days", [what(c), evidence.day(c.entry.implemented_at), emergency_days]),
		"high",
		{"emergency": true},
	)
}

deny contains f if {
	some c in implemented
	approved(c.entry)
	not c.entry.emergency == true
	evidence.ns(c.entry.approved_at) > evidence.ns(c.entry.implemented_at)
	f := finding(
		c,
		sprintf("%s was implemented on %s, before it was approved on %s", [what(c), evidence.day(c.entry.implemented_at), evidence.day(c.entry.approved_at)]),
		"high",
		{"approved_at": evidence.day(c.entry.approved_at)},
	)
}

deny contains f if {
	some c in implemented
	approved(c.entry)
	c.entry.emergency == true
	evidence.ns(c.entry.approved_at) > time.add_date(evidence.ns(c.entry.implemented_at), 0, 0, emergency_days)
	f := finding(
		c,
		sprintf("%s was implemented on %s but only approved on %s, more than %d days later", [what(c), evidence.day(c.entry.implemented_at), evidence.day(c.entry.approved_at), emergency_days]),
		"high",
		{"emergency": true, "approved_at": evidence.day(c.entry.approved_at)},
	)
}

deny contains f if {
	some c in implemented
	approved(c.entry)
	some role in ["requested_by", "implemented_by"]
	governance.same_person(c.entry.approved_by, c.entry[role])
	f := finding(
		c,
		sprintf("%s was approved by %s, who also %s it", [what(c), c.entry.approved_by, verbs[role]]),
		"high",
		{"approved_by": c.entry.approved_by, role: c.entry[role]},
	)
}

deny contains f if {
	some c in implemented
	not c.entry.emergency == true
	not c.entry.tested == true
	f := finding(c, sprintf("%s %s", [what(c), untested(c.entry)]), "medium", {})
}

verbs := {"requested_by": "requested", "implemented_by": "implemented"}

# implemented lists the changes that reached the systems by now.
implemented := [c |
	some c in evidence.entries("change_record")
	is_string(c.entry.implemented_at)
	not evidence.in_future(c.entry.implemented_at)
	not withdrawn(c.entry)
]

withdrawn(e) if e.status in {"rejected", "cancelled"}

approved(e) if {
	is_string(e.approved_by)
	is_string(e.approved_at)
}

untested(e) := "was not tested before implementation (tested: false)" if {
	e.tested == false
} else := "has no record that it was tested before implementation (tested)"

what(c) := sprintf("%schange %s%s%s", [emergency_word(c.entry), c.entry.id, summary(c.entry), system(c.entry)])

emergency_word(e) := "emergency " if e.emergency == true

else := ""

summary(e) := sprintf(" (%s)", [e.summary]) if is_string(e.summary)

else := ""

system(e) := sprintf(" to %s", [e.system]) if is_string(e.system)

else := ""

finding(c, msg, severity, details) := {
	"msg": msg,
	"resource": governance.entry_id(c.record, c.entry.id),
	"severity": severity,
	"details": object.union({"change": c.entry.id, "implemented_at": evidence.day(c.entry.implemented_at)}, details),
}

# judged are the changes implemented by now (not withdrawn).
judged := {governance.entry_id(c.record, c.entry.id) | some c in implemented}
