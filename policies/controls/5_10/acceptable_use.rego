# METADATA
# title: Acceptable use policy current and acknowledged by all
# description: |
#   An acceptable use policy (policy topic acceptable_use) is in force,
#   approved, inside its review period and communicated on or after its
#   approval (communicated_at), and every person active in the personnel
#   register has acknowledged it (an acknowledgements entry) on or after
#   the approval of the version in force. People who started in the last 7
#   days are given that week to acknowledge it.
# custom:
#   controls: ["5.10"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy", "evidence:personnel_register"]
#   remediation: |
#     Publish the approved acceptable use policy to everyone who uses the
#     organisation's information and assets, have each person acknowledge
#     the current version (on joining and after each change) and record the
#     acknowledgements.
package annexa.controls.c5_10.acceptable_use

import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "acceptable use policy"

grace_days := 7

deny contains f if {
	some f in documents.findings(["policy"], "acceptable_use", what)
}

deny contains f if {
	some f in documents.communication_findings("acceptable_use", what)
}

deny contains evidence.missing("personnel_register", "personnel register") if {
	count(documents.in_force(["policy"], "acceptable_use")) > 0
	count(evidence.records("personnel_register")) == 0
}

deny contains f if {
	some r in documents.in_force(["policy"], "acceptable_use")
	evidence.approved(r)
	some p in evidence.people
	evidence.active(p)
	evidence.older_than_days(p.start_date, grace_days)
	not acknowledged(r, p.id)
	f := {
		"msg": sprintf("%s has not acknowledged %s %s approved on %s%s", [p.id, what, r.attributes.id, evidence.day(r.attributes.approved_at), last_acknowledged(r, p.id)]),
		"resource": r.id,
		"details": {"person": p.id},
	}
}

acknowledged(r, person) if {
	some a in object.get(r.attributes, "acknowledgements", [])
	a.person == person
	evidence.ns(a.acknowledged_at) >= evidence.ns(r.attributes.approved_at)
}

last_acknowledged(r, person) := sprintf(" (last acknowledged an earlier version on %s)", [evidence.day(evidence.latest(dates))]) if {
	dates := [a.acknowledged_at | some a in object.get(r.attributes, "acknowledgements", []); a.person == person]
	count(dates) > 0
} else := ""

# judged are the acceptable use policies findings judges, with the
# acknowledgements of the ones in force.
judged := documents.judged(["policy"], "acceptable_use")
