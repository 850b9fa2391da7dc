# METADATA
# title: ISMS documents are identified, approved and reviewable
# description: |
#   Every ISMS document in force (a policy, procedure, plan or document
#   record that is not a draft or retired) records who approved it and when
#   (approved_by, approved_at) and has a review interval or an expiry, so it
#   is known when it must be reviewed. Each document lacking either is a
#   minor gap.
# custom:
#   clause: "7.5.2"
#   inputs:
#     evidence: ["policy", "procedure", "plan", "document"]
package annexa.clauses.c7_5_2

import data.annexa.lib.clauses
import data.annexa.lib.evidence

kinds := ["policy", "procedure", "plan", "document"]

docs := [r |
	some kind in kinds
	some r in evidence.records(kind)
	not evidence.inactive(r)
]

unapproved(r) if not r.attributes.approved_by

unreviewable(r) if not r.attributes.due

met contains clauses.shown_all(msg, [r.id | some r in ok]) if {
	count(ok) > 0
	msg := sprintf("%d of %d documents in force record their approval and a review date", [count(ok), count(docs)])
}

ok := [r |
	some r in docs
	not unapproved(r)
	not unreviewable(r)
]

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	unapproved(r)
	msg := sprintf("%s has no recorded approval (approved_by, approved_at)", [r.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	unreviewable(r)
	msg := sprintf("%s has no review interval or expiry, so nobody knows when to review it", [r.id])
}

status := clauses.status(met, gaps)
