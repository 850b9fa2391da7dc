# METADATA
# title: Everyone signed their terms of employment or engagement before starting
# description: |
#   Every person active in the personnel register (employees, contractors and
#   interns) has terms_signed_at, the date they signed the contractual terms
#   that state their and the organisation's information security
#   responsibilities, on or before their start date. A missing date, or one
#   after the start date, is a finding. The security content of the terms is
#   for the auditor to read in the template.
# custom:
#   controls: ["6.2"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:personnel_register"]
#   remediation: |
#     Have each person named sign terms of employment or engagement that
#     include their information security responsibilities, and record the
#     date as terms_signed_at in the personnel register; new joiners sign
#     before their first day.
package annexa.controls.c6_2.terms_of_employment

import data.annexa.lib.evidence
import data.annexa.lib.people

deny contains f if some f in people.register_missing

deny contains finding if {
	some s in people.staff
	not s.entry.terms_signed_at
	finding := {
		"msg": sprintf("%s has no signed terms of employment or engagement on file (terms_signed_at is missing)", [people.who(s.entry)]),
		"resource": people.ref(s),
		"details": {"person": s.entry.id, "start_date": evidence.day(s.entry.start_date)},
	}
}

deny contains finding if {
	some s in people.staff
	signed := s.entry.terms_signed_at
	not people.on_or_before(signed, s.entry.start_date)
	finding := {
		"msg": sprintf(
			"%s started on %s but signed their terms of employment or engagement on %s, after starting",
			[people.who(s.entry), evidence.day(s.entry.start_date), evidence.day(signed)],
		),
		"resource": people.ref(s),
		"details": {"person": s.entry.id, "start_date": evidence.day(s.entry.start_date), "terms_signed_at": evidence.day(signed)},
	}
}

# judged are the people working now.
judged := people.staff_refs
