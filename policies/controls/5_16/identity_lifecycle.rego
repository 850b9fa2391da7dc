# METADATA
# title: Leavers' access revoked promptly; one identity each
# description: |
#   Every person in the personnel register has one identity (no two
#   entries share an id, unless one ended before the other started: a
#   rehire), and for every person whose end date has passed the register
#   records when their access was revoked (access_revoked_at), no later
#   than one day after the end date. Accounts in systems are compared with
#   the register by c5_16.aws_iam_leavers and reviewed under 5.18.
# custom:
#   controls: ["5.16"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:personnel_register"]
#   remediation: |
#     Disable every account of a leaver on their last day (or the next
#     morning) and record access_revoked_at; give each person a single
#     identity, and reuse it on rehire rather than creating a second one.
package annexa.controls.c5_16.identity_lifecycle

import data.annexa.lib.evidence
import data.annexa.lib.governance

grace_days := 1

deny contains evidence.missing("personnel_register", "personnel register") if {
	evidence.declared
	count(evidence.records("personnel_register")) == 0
}

deny contains f if {
	some e in evidence.entries("personnel_register")
	evidence.left(e.entry)
	problem := revocation(e.entry)
	f := {
		"msg": sprintf("%s left on %s but %s", [e.entry.id, evidence.day(e.entry.end_date), problem]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

revocation(p) := "there is no record that their access was revoked (access_revoked_at)" if {
	not p.access_revoked_at
} else := sprintf("their access was revoked only on %s, more than %d day later", [evidence.day(p.access_revoked_at), grace_days]) if {
	time.add_date(evidence.ns(p.end_date), 0, 0, grace_days) < evidence.ns(p.access_revoked_at)
}

deny contains f if {
	some positions in entries_sharing_an_id
	some i, first in positions
	some j, second in positions
	i < j
	a := register[first]
	b := register[second]
	overlap(a.entry, b.entry)
	f := {
		"msg": sprintf("%s appears twice in the personnel register with overlapping employment (from %s and from %s); each person needs one identity", [a.entry.id, evidence.day(a.entry.start_date), evidence.day(b.entry.start_date)]),
		"resource": governance.entry_id(b.record, b.entry.id),
	}
}

register := evidence.entries("personnel_register")

# ids_in_order lists each entry's person id and position, sorted, so that
# entries sharing an id sit next to each other: comparing every entry with
# every other is quadratic in the size of the register.
ids_in_order := sort([[e.entry.id, i] | some i, e in register])

duplicate_ids := {row[0] |
	some k, row in ids_in_order
	ids_in_order[k + 1][0] == row[0]
}

# entries_sharing_an_id maps each id that occurs more than once to the
# positions of its entries in register.
entries_sharing_an_id := {id: [row[1] | some row in ids_in_order; row[0] == id] | some id in duplicate_ids}

overlap(a, b) if {
	not ended_before(a, b)
	not ended_before(b, a)
}

ended_before(a, b) if evidence.ns(a.end_date) < evidence.ns(b.start_date)

# judged are the personnel registers: one identity per person, and the
# revocation of every leaver's access.
judged := evidence.ids(["personnel_register"])
