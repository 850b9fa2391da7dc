# METADATA
# title: The legal register is approved and reviewed at least yearly
# description: |
#   The organisation keeps a register of the legal, statutory, regulatory
#   and contractual requirements that apply to it (a legal_register
#   record). The register is approved, neither draft nor retired, inside
#   its review period, was reviewed (reviewed_at, or approved_at when never
#   reviewed) no more than 12 months ago whatever its review interval, and
#   lists at least one requirement. A missing register is a finding when
#   other evidence is declared. Whether the register is complete for the
#   jurisdictions the organisation works in is for the auditor to judge.
# custom:
#   controls: ["5.31"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:legal_register"]
#   remediation: |
#     Keep a legal register listing each applicable law, regulation and
#     contractual obligation with its owner, review it at least yearly (and
#     when the law or the business changes), and record the review date and
#     approval.
package annexa.controls.c5_31.legal_register

import data.annexa.lib.evidence
import data.annexa.lib.legal
import data.annexa.lib.periodic

# review_months is the longest a legal register may go without review.
review_months := 12

deny contains f if some f in legal.register_missing

deny contains f if {
	some r in evidence.records("legal_register")
	p := evidence.problems(r)
	count(p) > 0
	f := {
		"msg": sprintf("legal register %s cannot be relied on: %s", [r.attributes.id, concat("; ", p)]),
		"resource": r.id,
	}
}

deny contains f if {
	some r in evidence.records("legal_register")
	not evidence.overdue(r)
	last := last_review(r.attributes)
	not periodic.within(last, review_months)
	f := {
		"msg": sprintf("legal register %s was last reviewed on %s; it is to be reviewed at least every %d months", [r.attributes.id, evidence.day(last), review_months]),
		"resource": r.id,
		"details": {"reviewed_at": evidence.day(last), "due": periodic.due_day(last, review_months)},
	}
}

deny contains f if {
	some r in evidence.records("legal_register")
	count(object.get(r.attributes, "entries", [])) == 0
	f := {
		"msg": sprintf("legal register %s lists no requirements", [r.attributes.id]),
		"resource": r.id,
	}
}

last_review(a) := a.reviewed_at if {
	a.reviewed_at
} else := a.approved_at

# judged are the legal registers: their standing, reviews and entries.
judged := evidence.ids(["legal_register"])
