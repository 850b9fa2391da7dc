# METADATA
# title: Information security is monitored and measured
# description: |
#   What is monitored and measured is defined in an approved plan (document,
#   topic monitoring_measurement) in force and inside its review period
#   (major gap when the run declares evidence and none is on file, in force
#   or approved; minor when its review is overdue, and when annexa has
#   results but nothing defines what is measured), with metrics (a minor gap
#   when none) each owned by someone who works for the organisation. The
#   results are kept: annexa's own evaluation of the controls, recorded in
#   its report and evidence bundle, counts as a measurement result when it
#   assessed at least one control.
# custom:
#   clause: "9.1"
#   inputs:
#     evidence: ["document:monitoring_measurement", "personnel_register"]
#     themes: ["organizational", "people", "physical", "technological"]
package annexa.clauses.c9_1

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "monitoring and measurement plan"

docs := documents.in_force(["document"], "monitoring_measurement")

assessed := [id |
	some id, c in data.run.controls
	c.status in {"pass", "fail", "waived"}
]

met contains m if some m in clauses.document_met("document", "monitoring_measurement", what)

met contains clauses.shown(msg, r.id) if {
	some r in docs
	metrics := object.get(r.attributes, "metrics", [])
	count(metrics) > 0
	msg := sprintf("%s %s defines %d metric(s), each with a method, a frequency and an owner", [clauses.capitalize(what), r.attributes.id, count(metrics)])
}

met contains clauses.shown(msg, "annexa") if {
	count(assessed) > 0
	passed := count([id | some id in assessed; data.run.controls[id].status == "pass"])
	msg := sprintf("annexa evaluated %d control(s) as of %s, %d passing; its report records the results", [count(assessed), evidence.day(data.run.effective_time), passed])
}

gaps contains g if some g in clauses.document_gaps("document", "monitoring_measurement", what)

gaps contains clauses.minor("Nothing defines what is monitored and measured (a document with topic monitoring_measurement); annexa's results alone do not say what the organisation needs to know", "missing:document/monitoring_measurement") if {
	not evidence.declared
	count(assessed) > 0
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	count(object.get(r.attributes, "metrics", [])) == 0
	msg := sprintf("%s %s defines no metrics (metrics)", [clauses.capitalize(what), r.attributes.id])
}

gaps contains clauses.minor(msg, r.id) if {
	some r in docs
	some m in object.get(r.attributes, "metrics", [])
	problem := clauses.person_problem(m.owner)
	msg := sprintf("%s %s: metric %s is owned by %s, %s", [clauses.capitalize(what), r.attributes.id, m.name, m.owner, problem])
}

status := clauses.status(met, gaps)
