# METADATA
# title: Operations are planned and controlled
# description: |
#   The controls that govern day-to-day operation pass: every technological
#   control (A.8.x) and the controls over outsourced processes and operating
#   procedures (A.5.19 to A.5.23, A.5.37) that annexa assessed. Each that fails or
#   could not be evaluated is a minor gap; controls excluded in the SoA or
#   not assessed are left out. With none of them assessed there is nothing
#   to judge.
# custom:
#   clause: "8.1"
#   inputs:
#     controls: ["5.19", "5.20", "5.21", "5.22", "5.23", "5.37"]
#     themes: ["technological"]
package annexa.clauses.c8_1

import data.annexa.lib.clauses

operational_controls := {"5.19", "5.20", "5.21", "5.22", "5.23", "5.37"}

operational contains id if {
	some id, c in data.run.controls
	c.theme == "technological"
}

operational contains id if some id in operational_controls

passing := sort([id | some id in operational; data.run.controls[id].status == "pass"])

met contains clauses.shown_all(msg, [clauses.control_ref(id) | some id in passing]) if {
	count(passing) > 0
	msg := sprintf("%d operational control(s) pass: %s", [count(passing), concat(", ", passing)])
}

gaps contains clauses.minor(msg, clauses.control_ref(id)) if {
	some id in operational
	c := data.run.controls[id]
	c.status in {"fail", "waived"}
	msg := sprintf("Control A.%s (%s) fails with %d finding(s)%s", [id, c.title, c.findings, waived_note(c)])
}

gaps contains clauses.minor(msg, clauses.control_ref(id)) if {
	some id in operational
	c := data.run.controls[id]
	c.status == "error"
	msg := sprintf("Control A.%s (%s) could not be evaluated", [id, c.title])
}

# A waiver accepts a risk, it does not remove it: a waived control is a
# gap as a failing one is, and says its findings are waived.
waived_note(c) := sprintf(", %d waived", [c.waived]) if c.status == "waived"

waived_note(c) := "" if c.status != "waived"

status := clauses.status(met, gaps)
