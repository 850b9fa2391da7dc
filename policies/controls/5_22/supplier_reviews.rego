# METADATA
# title: Suppliers are reassessed yearly and critical ones monitored half-yearly
# description: |
#   Every supplier in the supplier register had a security assessment
#   (assessed_at) in the last 12 months, and the latest one did not fail
#   (assessment_result fail). Suppliers rated high or critical are also
#   monitored at least every 6 months: their latest monitoring review
#   (monitored_at) or assessment lies no more than 6 months back. A date
#   after the effective time does not count. Each supplier that falls short
#   is a finding: high for suppliers rated high or critical, medium for the
#   others. Whether the reviews covered service changes and the supplier's
#   incidents is for the auditor to sample.
# custom:
#   controls: ["5.22"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Reassess each supplier named (questionnaire, certificates such as ISO
#     27001 or SOC 2 reports, open issues) and record assessed_at and
#     assessment_result; for high and critical suppliers review service
#     reports and incidents at least every 6 months and record monitored_at.
#     A failed assessment needs a treatment decision and a reassessment.
package annexa.controls.c5_22.supplier_reviews

import data.annexa.lib.evidence
import data.annexa.lib.periodic
import data.annexa.lib.suppliers

# assessment_months is how often every supplier is reassessed.
assessment_months := 12

# monitoring_months is how often high and critical suppliers are monitored.
monitoring_months := 6

deny contains f if some f in suppliers.register_missing

deny contains f if {
	some s in suppliers.listed
	not periodic.latest_done({d | d := s.entry.assessed_at})
	f := finding(s, sprintf("%s has no security assessment on file (assessed_at)", [suppliers.who(s)]), {})
}

deny contains f if {
	some s in suppliers.listed
	last := periodic.latest_done({s.entry.assessed_at})
	not periodic.within(last, assessment_months)
	due := periodic.due_day(last, assessment_months)
	f := finding(
		s,
		sprintf("%s was last assessed on %s; the %d-monthly reassessment was due by %s", [suppliers.who(s), evidence.day(last), assessment_months, due]),
		{"assessed_at": evidence.day(last), "due": due},
	)
}

deny contains f if {
	some s in suppliers.listed
	last := periodic.latest_done({s.entry.assessed_at})
	periodic.within(last, assessment_months)
	s.entry.assessment_result == "fail"
	f := finding(
		s,
		sprintf("the latest security assessment of %s, on %s, failed", [suppliers.who(s), evidence.day(last)]),
		{"assessed_at": evidence.day(last), "assessment_result": "fail"},
	)
}

deny contains f if {
	some s in suppliers.listed
	suppliers.important(s)
	not periodic.latest_done(reviews(s.entry))
	f := finding(s, sprintf("%s is rated %s but has no monitoring review or assessment on file", [suppliers.who(s), s.entry.criticality]), {})
}

deny contains f if {
	some s in suppliers.listed
	suppliers.important(s)
	last := periodic.latest_done(reviews(s.entry))
	not periodic.within(last, monitoring_months)
	due := periodic.due_day(last, monitoring_months)
	f := finding(
		s,
		sprintf("%s is rated %s and was last monitored on %s; its %d-monthly monitoring review was due by %s", [suppliers.who(s), s.entry.criticality, evidence.day(last), monitoring_months, due]),
		{"monitored_at": evidence.day(last), "due": due},
	)
}

# reviews is the set of dates on which a supplier's service was monitored
# or assessed.
reviews(e) := {d |
	some field in ["monitored_at", "assessed_at"]
	d := e[field]
}

finding(s, msg, details) := {
	"msg": msg,
	"resource": suppliers.ref(s),
	"severity": suppliers.severity(s),
	"details": object.union({"supplier": s.entry.id, "criticality": suppliers.criticality(s)}, details),
}

# judged are the suppliers of the register, whose assessments and
# monitoring it checks.
judged := {suppliers.ref(s) | some s in suppliers.listed}
