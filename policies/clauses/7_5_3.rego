# METADATA
# title: ISMS documents are kept under control
# description: |
#   Every ISMS document in force (a policy, procedure, plan or document
#   record that is not a draft or retired) with a review date is inside its
#   review period: each past it is a minor gap. Documents that point at
#   their controlled copy (artifact) have its digest recorded by annexa,
#   which detects any change to the copy.
# custom:
#   clause: "7.5.3"
#   inputs:
#     evidence: ["policy", "procedure", "plan", "document"]
package annexa.clauses.c7_5_3

import data.annexa.lib.clauses
import data.annexa.lib.evidence

kinds := ["policy", "procedure", "plan", "document"]

docs := [r |
	some kind in kinds
	some r in evidence.records(kind)
	not evidence.inactive(r)
	r.attributes.due
]

current := [r | some r in docs; not evidence.overdue(r)]

copies := [r | some r in docs; r.attributes.artifact.sha256]

met contains clauses.shown_all(msg, [r.id | some r in current]) if {
	count(current) > 0
	msg := sprintf("%d of %d documents in force are inside their review period", [count(current), count(docs)])
}

met contains clauses.shown_all(msg, [r.id | some r in copies]) if {
	count(copies) > 0
	msg := sprintf("%d document(s) point at a controlled copy whose digest annexa recorded", [count(copies)])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	evidence.overdue(r)
	msg := sprintf("%s was due for review on %s", [r.id, evidence.day(r.attributes.due)])
}

status := clauses.status(met, gaps)
