# METADATA
# title: Nonconformities found are tracked and corrected on time
# description: |
#   Noncompliance found when checking policies, rules and standards is
#   corrected: every entry of the nonconformity register that is open has a
#   due date (due_at) that has not passed, and every closed one records its
#   corrective action (corrective_action). Every nonconformity an internal
#   audit lists (its nonconformities) is in a nonconformity register, so
#   none is lost between the audit report and the follow-up. An overdue or
#   undated open nonconformity, a closed one without a corrective action,
#   and an audit nonconformity missing from the register are findings. A
#   missing nonconformity register is a finding when other evidence is
#   declared.
# custom:
#   controls: ["5.36"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:internal_audit", "evidence:nonconformity_register"]
#   remediation: |
#     Enter every nonconformity in the nonconformity register with an owner,
#     root cause, corrective action and due date; chase the overdue ones to
#     closure or re-plan them with management approval; record the
#     corrective action taken when closing.
package annexa.controls.c5_36.nonconformities

import data.annexa.lib.evidence

entries := evidence.entries("nonconformity_register")

registered := {e.entry.id | some e in entries}

details(e) := {"id": e.entry.id, "status": e.entry.status, "raised_at": evidence.day(e.entry.raised_at)}

deny contains evidence.missing("nonconformity_register", "nonconformity register") if {
	evidence.declared
	count(evidence.records("nonconformity_register")) == 0
}

deny contains f if {
	some e in entries
	e.entry.status == "open"
	evidence.ns(e.entry.due_at) < evidence.now_ns
	f := {
		"msg": sprintf("nonconformity %s, raised on %s, is still open past its due date %s", [e.entry.id, evidence.day(e.entry.raised_at), evidence.day(e.entry.due_at)]),
		"resource": evidence.entry_ref(e),
		"details": object.union(details(e), {"due_at": evidence.day(e.entry.due_at)}),
	}
}

deny contains f if {
	some e in entries
	e.entry.status == "open"
	not e.entry.due_at
	f := {
		"msg": sprintf("nonconformity %s, raised on %s, is open without a due date for its correction (due_at)", [e.entry.id, evidence.day(e.entry.raised_at)]),
		"resource": evidence.entry_ref(e),
		"details": details(e),
	}
}

deny contains f if {
	some e in entries
	e.entry.status == "closed"
	not e.entry.corrective_action
	f := {
		"msg": sprintf("nonconformity %s is closed but does not record the corrective action taken", [e.entry.id]),
		"resource": evidence.entry_ref(e),
		"details": details(e),
	}
}

deny contains f if {
	count(evidence.records("nonconformity_register")) > 0
	some r in evidence.records("internal_audit")
	not evidence.inactive(r)
	lost := sort([id | some id in object.get(r.attributes, "nonconformities", []); not id in registered])
	count(lost) > 0
	f := {
		"msg": sprintf("internal audit %s raised nonconformities that are not in the nonconformity register: %s", [r.attributes.id, concat(", ", lost)]),
		"resource": r.id,
		"details": {"nonconformities": lost},
	}
}

# judged are the nonconformities of the register and, once there is a
# register, the internal audits whose nonconformities must be in it.
judged := {evidence.entry_ref(e) | some e in entries} | {r.id |
	count(evidence.records("nonconformity_register")) > 0
	some r in evidence.records("internal_audit")
	not evidence.inactive(r)
}
