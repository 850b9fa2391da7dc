# METADATA
# title: Everyone signed a confidentiality agreement whose terms are reviewed yearly
# description: |
#   Every person active in the personnel register has signed a
#   confidentiality or non-disclosure agreement (an NDA record entry for
#   them with signed_at no later than the effective time), and every NDA
#   record states when its agreement template was last reviewed
#   (template_reviewed_at), no more than 12 months ago. A person without a
#   signed agreement, or a template without a review in 12 months, is a
#   finding.
# custom:
#   controls: ["6.6"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:personnel_register", "evidence:nda_record"]
#   remediation: |
#     Have each person named sign the confidentiality agreement and record it
#     in an NDA record; review the agreement's terms (what is confidential,
#     duration, return or destruction of information, breach consequences)
#     at least yearly and record template_reviewed_at.
package annexa.controls.c6_6.confidentiality_agreements

import data.annexa.lib.evidence
import data.annexa.lib.people

template_months := 12

deny contains f if some f in people.register_missing

signed := {e.entry.person |
	some e in evidence.entries("nda_record")
	e.entry.person
	not evidence.in_future(e.entry.signed_at)
}

deny contains finding if {
	some s in people.staff
	not s.entry.id in signed
	finding := {
		"msg": sprintf("%s has no signed confidentiality agreement on file", [people.who(s.entry)]),
		"resource": people.ref(s),
		"details": {"person": s.entry.id},
	}
}

deny contains finding if {
	some r in evidence.records("nda_record")
	not r.attributes.template_reviewed_at
	finding := {
		"msg": sprintf("NDA record %s does not say when its agreement template was last reviewed (template_reviewed_at is missing)", [r.attributes.id]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in evidence.records("nda_record")
	reviewed := r.attributes.template_reviewed_at
	evidence.older_than(reviewed, template_months)
	finding := {
		"msg": sprintf("The agreement template of NDA record %s was last reviewed on %s, more than %d months ago", [r.attributes.id, evidence.day(reviewed), template_months]),
		"resource": r.id,
		"details": {"template_reviewed_at": evidence.day(reviewed)},
	}
}

# judged are the people working now and the NDA records, whose template
# reviews it checks.
judged := people.staff_refs | evidence.ids(["nda_record"])
