# METADATA
# title: Developers trained in secure coding within 12 months
# description: |
#   Everyone working for the organisation who develops or changes systems
#   (a personnel register entry whose role or department names an
#   engineer, developer, programmer, DevOps or SRE, or engineering or
#   development) completed secure coding training in the last 12 months: an
#   entry for them in a training_record whose audience is developers or
#   whose course is about secure coding or secure development. People who
#   joined in the last 90 days have until 90 days after their start date.
#   Completions dated after the effective time do not count. Each developer
#   who falls short is a finding.
# custom:
#   controls: ["8.28"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:training_record", "evidence:personnel_register"]
#   remediation: |
#     Have each developer named complete secure coding training (the
#     organisation's standard, the OWASP Top 10 and the languages in use),
#     repeat it yearly, and record the completions in a training_record
#     with audience developers.
package annexa.controls.c8_28.secure_coding_training

import data.annexa.lib.development
import data.annexa.lib.evidence
import data.annexa.lib.governance
import data.annexa.lib.periodic

months := 12

grace_days := 90

course_pattern := `(?i)secure (coding|development|software|programming)`

deny contains f if {
	some p in development.developers
	last := periodic.latest_done(completions[lower(p.entry.id)])
	not periodic.within(last, months)
	f := finding(p, sprintf("%s last completed secure coding training on %s; it was due again by %s", [who(p), evidence.day(last), periodic.due_day(last, months)]))
}

deny contains f if {
	some p in development.developers
	evidence.older_than_days(p.entry.start_date, grace_days)
	not trained(p)
	f := finding(p, sprintf("%s has no secure coding training on record (started on %s)", [who(p), evidence.day(p.entry.start_date)]))
}

# courses lists the training records about secure coding.
courses := [r |
	some r in evidence.records("training_record")
	about_secure_coding(r)
]

about_secure_coding(r) if r.attributes.audience == "developers"

about_secure_coding(r) if regex.match(course_pattern, r.attributes.course)

# completions maps each person to the dates they completed such a course.
# completions maps each person to the dates they completed a course; a
# complete object, built once, since it is looked up once per developer.
completions := {person: dates |
	some person in {lower(e.person) | some r in courses; some e in r.attributes.entries}
	dates := {e.completed_at | some r in courses; some e in r.attributes.entries; lower(e.person) == person}
}

trained(p) if periodic.latest_done(completions[lower(p.entry.id)])

who(p) := sprintf("%s (%s)", [p.entry.name, p.entry.id])

finding(p, msg) := {
	"msg": msg,
	"resource": governance.entry_id(p.record, p.entry.id),
	"details": {"person": p.entry.id},
}

# judged are the developers working now.
judged := {governance.entry_id(p.record, p.entry.id) | some p in development.developers}
