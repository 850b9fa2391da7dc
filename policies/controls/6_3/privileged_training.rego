# METADATA
# title: Privileged users completed privileged-access training in the last 12 months
# description: |
#   Every person active in the personnel register and marked privileged
#   (administrators of systems, production or identity) also completed a
#   course for privileged users (a training record with audience
#   privileged) within 30 days of starting and at least every 12 months
#   since: the training is due 30 days after the start date or 12 months
#   after the latest completion, whichever is later. A privileged person
#   whose training is past due is a finding.
# custom:
#   controls: ["6.3"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:personnel_register", "evidence:training_record"]
#   remediation: |
#     Have each privileged person named complete the privileged-user course
#     (secure administration, handling of secrets, break-glass and change
#     rules) and record it in a training record with audience privileged.
package annexa.controls.c6_3.privileged_training

import data.annexa.lib.people

new_joiner_days := 30

refresh_months := 12

deny contains f if some f in people.register_missing

deny contains f if {
	privileged := [s | some s in people.staff; s.entry.privileged == true]
	some f in people.training_findings(privileged, people.completions({"privileged"}), "privileged-user training", new_joiner_days, refresh_months)
}

# judged are the people with privileged access working now.
judged contains people.ref(s) if {
	some s in people.staff
	s.entry.privileged == true
}
