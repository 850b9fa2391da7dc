# METADATA
# title: Document helpers
# description: |
#   The one library for documents: the records of a kind such as policy,
#   procedure, plan or document that are about one topic (attribute
#   topic). Controls and clause rules both judge documents with it.
#
#   A version is in force when it is neither a draft nor retired. A draft
#   is not in force: it is the next version being written, so beside an
#   approved version in force it is no finding, and without any version in
#   force it is reported as what is on file instead of one. Every version
#   in force must be reliable (approved, with a review interval or expiry,
#   inside its review period); a second, stale version left in force is a
#   finding even when another one is current.
#
#   A document that is not on file at all has the resource
#   missing:KIND/TOPIC, where KIND is the first (preferred) kind asked
#   for; a record kind without topics is missing:KIND (evidence.missing).
# custom:
#   library: true
package annexa.lib.documents

import data.annexa.lib.evidence

# on_file lists the records of any of kinds (a list, preferred kind first)
# about topic, in force or not.
on_file(kinds, topic) := [r |
	some kind in kinds
	some r in evidence.records(kind)
	r.attributes.topic == topic
]

# in_force lists the records of any of kinds about topic that are neither
# drafts nor retired: the versions the organisation works to.
in_force(kinds, topic) := [r |
	some r in on_file(kinds, topic)
	not evidence.inactive(r)
]

# judged is the set of the ids of the records about topic that findings
# judges: the versions in force, or with none in force, every version on
# file.
judged(kinds, topic) := {r.id | some r in in_force(kinds, topic)} if {
	count(in_force(kinds, topic)) > 0
} else := {r.id | some r in on_file(kinds, topic)}

# missing_id names a document about topic that is not on file.
missing_id(kind, topic) := sprintf("missing:%s/%s", [kind, topic])

# missing is the finding that no record of kinds about topic is on file;
# what names the document in the message ("access control policy").
missing(kinds, topic, what) := {
	"msg": sprintf("no %s on file", [what]),
	"resource": missing_id(kinds[0], topic),
	"details": {"expected_kind": kinds[0]},
}

# in_force_findings reports each version in force about topic that cannot
# be relied on: unapproved, without a review date, or past it.
in_force_findings(kinds, topic, what) := {f |
	some r in in_force(kinds, topic)
	p := evidence.problems(r)
	count(p) > 0
	f := {
		"msg": sprintf("%s %s cannot be relied on: %s", [what, r.attributes.id, concat("; ", p)]),
		"resource": r.id,
	}
}

# findings checks that a document about topic is in force and can be
# relied on: each version in force that cannot be is a finding; with none
# in force, each draft or retired version on file is; with nothing on file
# the document is missing (when the run declares evidence).
findings(kinds, topic, what) := in_force_findings(kinds, topic, what) if {
	count(in_force(kinds, topic)) > 0
} else := {f |
	some r in on_file(kinds, topic)
	f := {
		"msg": sprintf("no approved %s is in force: %s is %s", [what, r.attributes.id, r.attributes.status]),
		"resource": r.id,
	}
} if {
	count(on_file(kinds, topic)) > 0
} else := {missing(kinds, topic, what)} if {
	evidence.declared
} else := set()

# communication_findings reports each approved policy in force about topic
# with no record that the approved version was communicated:
# communicated_at missing, earlier than approved_at, or after now.
communication_findings(topic, what) := {f |
	some r in in_force(["policy"], topic)
	evidence.approved(r)
	reason := not_communicated(r)
	f := {
		"msg": sprintf("%s %s was approved on %s but %s", [what, r.attributes.id, evidence.day(r.attributes.approved_at), reason]),
		"resource": r.id,
	}
}

not_communicated(r) := "there is no record that it was communicated (communicated_at)" if {
	not r.attributes.communicated_at
} else := sprintf("was last communicated on %s, before this version was approved", [evidence.day(r.attributes.communicated_at)]) if {
	evidence.ns(r.attributes.communicated_at) < evidence.ns(r.attributes.approved_at)
} else := sprintf("its communication is dated %s, after the effective date", [evidence.day(r.attributes.communicated_at)]) if {
	evidence.in_future(r.attributes.communicated_at)
}
