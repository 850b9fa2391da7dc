# METADATA
# title: Remote working is governed by an approved, current policy
# description: |
#   When anyone active in the personnel register works remotely (remote:
#   true) or any asset in use is kept off the premises (off_premises: true
#   in the asset register), a remote working policy (a policy record with
#   topic remote_working) is approved, neither draft nor retired, and
#   inside its review period. The policy is where the rules for working and
#   keeping equipment outside the premises are set, so it serves 7.9 too.
#   Without remote workers or off-premises assets nothing is required.
# custom:
#   controls: ["6.7", "7.9"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy", "evidence:personnel_register", "evidence:asset_register"]
#   remediation: |
#     Approve a remote working policy (permitted locations, equipment and
#     its physical protection, secure connection, family and visitors,
#     incident reporting, return of equipment), give it a review interval
#     and record it as a policy with topic remote_working.
package annexa.controls.c6_7.remote_working_policy

import data.annexa.lib.documents
import data.annexa.lib.people
import data.annexa.lib.physical

remote_work if {
	some s in people.staff
	s.entry.remote == true
}

remote_work if {
	some a in physical.assets
	a.entry.off_premises == true
}

deny contains f if {
	remote_work
	some f in documents.findings(["policy"], "remote_working", "remote working policy")
}

# judged are the remote working policies findings judges, when people
# work remotely or assets are used off the premises; otherwise the
# policy is not needed and nothing is judged.
judged := documents.judged(["policy"], "remote_working") if remote_work

else := set()
