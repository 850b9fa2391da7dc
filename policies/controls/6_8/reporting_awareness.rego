# METADATA
# title: Everyone was taught how to report security events in the last 12 months
# description: |
#   Every person active in the personnel register completed, within 30 days
#   of starting and at least every 12 months since, a course whose training
#   record lists control 6.8 (the record declares that the course teaches
#   what to report and through which channel). The course is due 30 days
#   after the start date or 12 months after the latest completion,
#   whichever is later; a person past due is a finding. Without any such
#   record, everyone is.
# custom:
#   controls: ["6.8"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:personnel_register", "evidence:training_record"]
#   remediation: |
#     Cover event reporting (what to report, the reporting channel, how
#     quickly) in a course everyone takes on joining and yearly, list 6.8 in
#     the controls of its training record, and have each person named
#     complete it.
package annexa.controls.c6_8.reporting_awareness

import data.annexa.lib.people

new_joiner_days := 30

refresh_months := 12

deny contains f if some f in people.register_missing

deny contains f if {
	some f in people.training_findings(people.staff, people.completions_covering("6.8"), "training on reporting security events", new_joiner_days, refresh_months)
}

# judged are the people working now.
judged := people.staff_refs
