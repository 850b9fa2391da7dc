# METADATA
# title: Everyone completed security awareness training in the last 12 months
# description: |
#   Every person active in the personnel register completed an information
#   security awareness course (a training record with audience all or
#   new_joiners, or without an audience) within 30 days of starting and at
#   least every 12 months since: the training is due 30 days after the
#   start date or 12 months after the latest completion, whichever is later,
#   and a person whose training is past due is a finding. Completions dated
#   after the effective time are ignored. Whether the course content fits
#   the roles is for the auditor to judge.
# custom:
#   controls: ["6.3"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:personnel_register", "evidence:training_record"]
#   remediation: |
#     Have each person named complete the security awareness course and
#     record the completion in a training record; enrol new joiners within
#     their first 30 days and everyone in the annual refresher.
package annexa.controls.c6_3.awareness_training

import data.annexa.lib.people

# new_joiner_days is how long a new joiner has to complete the course.
new_joiner_days := 30

# refresh_months is how often everyone repeats it.
refresh_months := 12

deny contains f if some f in people.register_missing

deny contains f if {
	some f in people.training_findings(people.staff, people.completions({"all", "new_joiners"}), "security awareness training", new_joiner_days, refresh_months)
}

# judged are the people working now.
judged := people.staff_refs
