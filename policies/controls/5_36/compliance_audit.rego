# METADATA
# title: Compliance with the security policies was audited in the last 12 months
# description: |
#   The organisation checks regularly that its information security
#   policies, topic-specific policies, rules and standards are complied
#   with: the latest internal audit of the ISMS (an internal_audit record,
#   independent or not, neither draft nor retired, performed no later than
#   the effective time) was performed no more than 12 months ago. No audit
#   at all, or only older ones, is a finding. Whether managers also review
#   compliance in their own areas, and whether the audit programme covers
#   every policy over its cycle, is for the auditor to judge.
# custom:
#   controls: ["5.36"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:internal_audit"]
#   remediation: |
#     Run the internal audit programme so that compliance with the
#     information security policies is audited at least yearly, and record
#     each audit (scope, auditor, findings and nonconformities raised) as an
#     internal_audit record.
package annexa.controls.c5_36.compliance_audit

import data.annexa.lib.evidence
import data.annexa.lib.periodic

audit_months := 12

audits := [r |
	some r in evidence.records("internal_audit")
	not evidence.inactive(r)
	not evidence.in_future(r.attributes.performed_at)
]

deny contains evidence.missing("internal_audit", "internal audit") if {
	evidence.declared
	count(audits) == 0
}

deny contains f if {
	r := periodic.latest_record(audits, "performed_at")
	not periodic.within(r.attributes.performed_at, audit_months)
	due := periodic.due_day(r.attributes.performed_at, audit_months)
	f := {
		"msg": sprintf("the latest internal audit, %s, was performed on %s; compliance with the security policies was next to be audited by %s", [r.attributes.id, evidence.day(r.attributes.performed_at), due]),
		"resource": r.id,
		"details": {"performed_at": evidence.day(r.attributes.performed_at), "due": due},
	}
}

# judged are the internal audits performed.
judged := {r.id | some r in audits}
