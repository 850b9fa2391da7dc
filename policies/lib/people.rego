# METADATA
# title: People helpers
# description: |
#   Helpers for the people controls (6.x) over the personnel register and the
#   records that must cover everyone in it (screening, terms, training,
#   confidentiality agreements). Register entries are handled together with
#   their record, so findings can name the entry as
#   "personnel_register/<record id>#<person id>".
# custom:
#   library: true
package annexa.lib.people

import data.annexa.lib.evidence

# staff lists the people working for the organisation now, each as
# {"record": <personnel register fact>, "entry": <register entry>}.
staff := [s |
	some s in evidence.entries("personnel_register")
	evidence.active(s.entry)
]

# leavers lists the people whose end date has passed, in the same shape.
leavers := [s |
	some s in evidence.entries("personnel_register")
	evidence.left(s.entry)
]

# staff_refs is the set of the staff as findings name them: the judged set
# of a policy whose criterion applies to everyone working now.
staff_refs := {ref(s) | some s in staff}

# ref is the resource id of a register entry in a finding.
ref(s) := sprintf("%s#%s", [s.record.id, s.entry.id])

# who names a person for a message: "Jonas Berg (jonas.berg@example.com)",
# or only the id when the register has no name.
who(p) := sprintf("%s (%s)", [p.name, p.id]) if {
	p.name
} else := p.id

# register_missing is a finding when the run has evidence but no personnel
# register, the list every people control is checked against.
register_missing contains evidence.missing("personnel_register", "personnel register") if {
	evidence.declared
	count(evidence.records("personnel_register")) == 0
}

# on_or_before is true when date a falls on the same calendar day (UTC) as
# date b or earlier: a record dated later on someone's start day still
# counts as done on their start day.
on_or_before(a, b) if evidence.day(a) <= evidence.day(b)

# days_after returns date plus n days as a YYYY-MM-DD day.
days_after(date, n) := evidence.day(time.format(time.add_date(evidence.ns(date), 0, 0, n)))

# trainings lists every training completion up to now, each as
# {"person", "completed_at", "audience", "controls"}; a record without an
# audience is for all.
trainings := [t |
	some r in evidence.records("training_record")
	some e in r.attributes.entries
	not evidence.in_future(e.completed_at)
	t := {
		"person": e.person,
		"completed_at": e.completed_at,
		"audience": object.get(r.attributes, "audience", "all"),
		"controls": r.attributes.controls,
	}
]

# trainings_by_person groups trainings by person. The inner comprehension
# keyed on person is indexed by OPA, and the object is built by a
# comprehension, not a rule per key (quadratic in the keys, see
# docs/policies.md), so grouping stays linear in the entries.
trainings_by_person := {person: ts |
	some person in {t.person | some t in trainings}
	ts := [t | some t in trainings; t.person == person]
}

# completions maps each person to the dates on which they completed a
# course of one of audiences (a set).
completions(audiences) := {person: dates |
	some person, ts in trainings_by_person
	dates := {t.completed_at | some t in ts; t.audience in audiences}
	count(dates) > 0
}

# completions_covering maps each person to the dates on which they
# completed a course whose training record lists control ctl: the record
# declares that the course teaches what the control needs.
completions_covering(ctl) := {person: dates |
	some person, ts in trainings_by_person
	dates := {t.completed_at | some t in ts; ctl in t.controls}
	count(dates) > 0
}

# training_due returns when a person next has to complete a recurring
# course (as nanoseconds): grace_days after they started, and months after
# their latest completion, whichever is later. dates may be empty.
training_due(p, dates, grace_days, months) := max({first, refresh}) if {
	first := time.add_date(evidence.ns(p.start_date), 0, 0, grace_days)
	count(dates) > 0
	refresh := time.add_date(evidence.ns(evidence.latest(dates)), 0, months, 0)
} else := time.add_date(evidence.ns(p.start_date), 0, 0, grace_days)

# training_findings checks that each of people (register entries in the
# staff shape) completed a course within grace_days of starting and then at
# least every months; done maps people to their completion dates (see
# completions) and course names the course in messages.
training_findings(people, done, course, grace_days, months) := {f |
	some s in people
	dates := object.get(done, s.entry.id, set())
	due := training_due(s.entry, dates, grace_days, months)
	due < evidence.now_ns
	f := {
		"msg": training_msg(s.entry, dates, course, due, grace_days, months),
		"resource": ref(s),
		"details": object.union(
			{"person": s.entry.id, "start_date": evidence.day(s.entry.start_date), "due": evidence.day(time.format(due))},
			last_completed(dates),
		),
	}
}

training_msg(p, dates, course, due, grace_days, _) := sprintf(
	"%s started on %s and has no %s on file; it was due within %d days of starting, by %s",
	[who(p), evidence.day(p.start_date), course, grace_days, evidence.day(time.format(due))],
) if {
	count(dates) == 0
}

training_msg(p, dates, course, due, _, months) := sprintf(
	"%s last completed %s on %s; the %d-month refresher was due by %s",
	[who(p), course, evidence.day(evidence.latest(dates)), months, evidence.day(time.format(due))],
) if {
	count(dates) > 0
}

last_completed(dates) := {"last_completed": evidence.day(evidence.latest(dates))} if {
	count(dates) > 0
} else := {}
