# METADATA
# title: Every legal requirement was reviewed in the last 12 months and is complied with
# description: |
#   Every requirement in the legal register was reviewed (reviewed_at) no
#   more than 12 months ago, with a date no later than the effective time,
#   and is recorded as complied with (compliant: true). A requirement
#   recorded as not complied with is a high finding; one never reviewed,
#   reviewed more than 12 months ago, or whose compliance was not assessed
#   is a medium finding. Each requirement is one finding listing its gaps.
# custom:
#   controls: ["5.31"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:legal_register"]
#   remediation: |
#     Review each requirement named with its owner: confirm it still
#     applies, assess compliance, record reviewed_at and compliant, and
#     raise a nonconformity with a corrective action for each one not met.
package annexa.controls.c5_31.legal_requirements

import data.annexa.lib.evidence
import data.annexa.lib.legal
import data.annexa.lib.periodic

review_months := 12

deny contains f if some f in legal.register_missing

deny contains f if {
	some q in legal.requirements
	gaps := sort(review_gap(q.entry) | compliance_gap(q.entry))
	count(gaps) > 0
	f := {
		"msg": sprintf("legal requirement %s: %s", [legal.who(q), concat("; ", gaps)]),
		"resource": legal.ref(q),
		"severity": legal.gap_severity(q.entry),
		"details": {"requirement": q.entry.id, "category": q.entry.category, "gaps": gaps},
	}
}

review_gap(e) := {"it has never been reviewed (reviewed_at)"} if {
	not e.reviewed_at
} else := {sprintf("its review date %s is after the effective date", [evidence.day(e.reviewed_at)])} if {
	evidence.in_future(e.reviewed_at)
} else := {sprintf("it was last reviewed on %s, more than %d months ago", [evidence.day(e.reviewed_at), review_months])} if {
	not periodic.within(e.reviewed_at, review_months)
} else := set()

compliance_gap(e) := {legal.compliance_gap(e)} if {
	legal.compliance_gap(e)
} else := set()

# judged are the requirements of the legal registers.
judged := {legal.ref(q) | some q in legal.requirements}
