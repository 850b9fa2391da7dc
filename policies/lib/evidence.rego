# METADATA
# title: Declared evidence helpers
# description: |
#   Accessors and date arithmetic over the evidence records an organisation
#   declares (documents, registers, records of activities), shared by the
#   policies of the controls no machine can observe. Dates in records are
#   RFC 3339 times (the evidence provider normalizes them); "now" is the
#   run's effective time, never the clock.
# custom:
#   library: true
package annexa.lib.evidence

# now_ns is the effective time of the run.
now_ns := data.run.effective_time_ns

# records lists the evidence records of one kind (policy, training_record,
# supplier_register, ...), sorted by id.
records(kind) := object.get(data.facts, ["by_type", "evidence", kind], [])

# ids is the set of the ids of the records of the given kinds (a list): a
# policy's judged set when its criterion applies to every such record.
ids(kinds) := {r.id |
	some kind in kinds
	some r in records(kind)
}

# declared is true when the run has any evidence at all. A policy reports a
# missing record only then: without an evidence directory its controls stay
# not_assessed instead of failing.
declared if count(object.get(data.facts, ["by_kind", "evidence"], [])) > 0

# entries lists every entry of every record of a register kind, each as
# {"record": <record fact>, "entry": <entry>}.
entries(kind) := [{"record": r, "entry": e} |
	some r in records(kind)
	some e in object.get(r.attributes, "entries", [])
]

# entry_ref names one element of entries(kind), {"record", "entry"}, in a
# finding's resource: RECORD_ID#ENTRY_ID, e.g.
# nonconformity_register/NC-LOG#NC-7.
entry_ref(e) := sprintf("%s#%s", [e.record.id, e.entry.id])

# missing is a finding that no record of a kind (a register, a record of
# an activity) is on file; what names it in the message ("asset
# register"). Its resource is missing:KIND, whatever the message says, so
# one absence has one id; a document about a topic that is not on file is
# documents.missing (missing:KIND/TOPIC).
missing(kind, what) := {
	"msg": sprintf("no %s on file", [what]),
	"resource": sprintf("missing:%s", [kind]),
	"details": {"expected_kind": kind},
}

# ns converts a record date to nanoseconds since the epoch.
ns(date) := time.parse_rfc3339_ns(date)

# day formats a record date as YYYY-MM-DD for messages.
day(date) := substring(date, 0, 10)

# older_than is true when date lies more than months before now.
older_than(date, months) if time.add_date(ns(date), 0, months, 0) < now_ns

# older_than_days is true when date lies more than days before now.
older_than_days(date, days) if time.add_date(ns(date), 0, 0, days) < now_ns

# in_future is true when date lies after now.
in_future(date) if ns(date) > now_ns

# latest returns the most recent of a non-empty list of record dates.
latest(dates) := max({d | some d in dates})

# overdue is true when a record's computed due date (expiry, or last
# review plus review interval) has passed.
overdue(r) if ns(r.attributes.due) < now_ns

# approved is true when a record names who approved it and when, and is not
# a draft or retired.
approved(r) if {
	r.attributes.approved_by
	r.attributes.approved_at
	not inactive(r)
}

inactive(r) if r.attributes.status in {"draft", "retired"}

# current is true for an approved record that is inside its review period.
current(r) if {
	approved(r)
	r.attributes.due
	not overdue(r)
}

# problems lists why a document cannot be relied on (empty when it can):
# not approved, a draft or retired, past its review date, or without any
# review interval or expiry.
problems(r) := sort((((unapproved(r) | not_reviewable(r)) | overdue_problem(r)) | status_problem(r)))

unapproved(r) := {"it is not approved (approved_by and approved_at are missing)"} if {
	not r.attributes.approved_by
} else := set()

status_problem(r) := {sprintf("its status is %s", [r.attributes.status])} if {
	inactive(r)
} else := set()

not_reviewable(r) := {"it has no review_interval or expires, so nobody knows when to review it"} if {
	not r.attributes.due
} else := set()

overdue_problem(r) := {sprintf("its review was due on %s", [day(r.attributes.due)])} if {
	overdue(r)
} else := set()

# Personnel.

# people lists the personnel register entries.
people := [p.entry | some p in entries("personnel_register")]

# active is true for a person who has started and not left as of now.
active(p) if {
	not in_future(p.start_date)
	not left(p)
}

left(p) if {
	p.end_date
	not in_future(p.end_date)
}

# active_people is the set of ids of people working for the organisation now.
active_people := {p.id | some p in people; active(p)}

# leavers lists the register entries of people who have left.
leavers := [p | some p in people; left(p)]

# people_with lists the set of person ids that the entries of a record kind
# cover with a date no older than months (all dates when months is 0).
people_with(kind, field, months) := {e.entry.person |
	some e in entries(kind)
	recent(e.entry[field], months)
}

recent(_, 0)

recent(date, months) if {
	months > 0
	not older_than(date, months)
}
