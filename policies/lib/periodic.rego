# METADATA
# title: Recurring activity helpers
# description: |
#   Date windows for activities that must recur: supplier assessments,
#   continuity exercises, audits, reviews of the legal register. A date after
#   the run's effective time is not evidence that something was done, so it
#   never counts as the latest time it was done.
# custom:
#   library: true
package annexa.lib.periodic

import data.annexa.lib.documents
import data.annexa.lib.evidence

# within is true when date is no later than now and no more than months
# before it (exactly months before still counts).
within(date, months) if {
	not evidence.in_future(date)
	not evidence.older_than(date, months)
}

# latest_done returns the most recent of a set of dates that is not in the
# future; it is undefined when there is none.
latest_done(dates) := evidence.latest(past) if {
	past := {d | some d in dates; not evidence.in_future(d)}
	count(past) > 0
}

# latest_record returns, of a list of records, the one whose field holds
# the latest date that is not in the future (the first by id on a tie); it
# is undefined when there is none.
latest_record(rs, field) := candidates[0] if {
	d := latest_done({x | some r in rs; x := r.attributes[field]})
	candidates := [r | some r in rs; r.attributes[field] == d]
}

# due_day returns date plus months as YYYY-MM-DD: when the next occurrence
# of something last done on date falls due.
due_day(date, months) := evidence.day(time.format(time.add_date(evidence.ns(date), 0, months, 0)))

# hours_between returns how many whole hours date b lies after date a
# (negative when before).
hours_between(a, b) := floor((evidence.ns(b) - evidence.ns(a)) / 3600000000000)

# exercises lists the continuity tests about any of topics (a list,
# preferred topic first) that have been performed, i.e. are not dated after now.
exercises(topics) := [r |
	some r in evidence.records("continuity_test")
	r.attributes.topic in topics
	not evidence.in_future(r.attributes.performed_at)
]

# exercise_findings checks that the latest continuity test about any of
# topics was performed within months and did not fail; what names the
# exercise in messages ("business continuity exercise"). Without any such
# test it is one missing finding (missing:continuity_test/TOPIC, of the
# first topic), when evidence is declared.
exercise_findings(topics, what, months) := {f |
	last := latest_record(exercises(topics), "performed_at")
	some f in latest_exercise_findings(last, what, months)
} if {
	count(exercises(topics)) > 0
} else := {documents.missing(["continuity_test"], topics[0], what)} if {
	evidence.declared
} else := set()

latest_exercise_findings(r, what, months) := {f |
	not within(r.attributes.performed_at, months)
	f := {
		"msg": sprintf("the latest %s, %s, was performed on %s; the next one was due by %s", [what, r.attributes.id, evidence.day(r.attributes.performed_at), due_day(r.attributes.performed_at, months)]),
		"resource": r.id,
		"details": {"performed_at": evidence.day(r.attributes.performed_at), "due": due_day(r.attributes.performed_at, months)},
	}
} | {f |
	r.attributes.result == "fail"
	f := {
		"msg": sprintf("the latest %s, %s on %s, failed; the plan has not been shown to work since", [what, r.attributes.id, evidence.day(r.attributes.performed_at)]),
		"resource": r.id,
		"details": {"performed_at": evidence.day(r.attributes.performed_at), "result": "fail"},
	}
}
