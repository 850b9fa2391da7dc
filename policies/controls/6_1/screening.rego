# METADATA
# title: Everyone working for the organisation was screened before starting
# description: |
#   Every person active in the personnel register (started, not left) has a
#   background verification in a screening record, completed on or before
#   their start date with the result pass. A person with no screening, with
#   only a screening completed after they started, or whose screening did
#   not pass (fail or partial) is a finding. Whether the checks were
#   proportionate to the role and the information accessed is for the
#   auditor to judge from the record.
# custom:
#   controls: ["6.1"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:personnel_register", "evidence:screening_record"]
#   remediation: |
#     Complete the background verification of each person named (identity,
#     right to work, references, and the checks the role needs) and record it
#     in a screening record; screen new joiners before their start date.
package annexa.controls.c6_1.screening

import data.annexa.lib.evidence
import data.annexa.lib.people

deny contains f if some f in people.register_missing

entries := [e.entry | some e in evidence.entries("screening_record")]

# by_person groups the screening entries by person. The inner
# comprehension keyed on person is indexed by OPA, and the object is built
# by a comprehension, not a rule per key (quadratic in the keys, see
# docs/policies.md), so grouping stays linear in the entries.
by_person := {person: es |
	some person in {e.person | some e in entries}
	es := [e | some e in entries; e.person == person]
}

deny contains finding if {
	some s in people.staff
	screenings := object.get(by_person, s.entry.id, [])
	not screened_in_time(s.entry, screenings)
	finding := {
		"msg": message(s.entry, screenings),
		"resource": people.ref(s),
		"details": {"person": s.entry.id, "start_date": evidence.day(s.entry.start_date)},
	}
}

screened_in_time(p, screenings) if {
	some e in screenings
	people.on_or_before(e.completed_at, p.start_date)
	passed(e)
}

passed(e) if object.get(e, "result", "pass") == "pass"

message(p, screenings) := sprintf("%s has no screening on file", [people.who(p)]) if {
	count(screenings) == 0
} else := sprintf("The screening of %s completed on %s had the result %s", [people.who(p), last[0], last[1]]) if {
	timely := sort([[evidence.day(e.completed_at), e.result] |
		some e in screenings
		people.on_or_before(e.completed_at, p.start_date)
	])
	count(timely) > 0
	last := timely[count(timely) - 1]
} else := sprintf(
	"%s started on %s but was first screened on %s, after starting",
	[people.who(p), evidence.day(p.start_date), evidence.day(min({e.completed_at | some e in screenings}))],
)

# judged are the people working now, each of whom needs a screening.
judged := people.staff_refs
