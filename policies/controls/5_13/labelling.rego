# METADATA
# title: An information labelling procedure is in force
# description: |
#   An information labelling procedure (procedure topic
#   information_labelling) is in force, approved and inside its review
#   period, and was approved no earlier than the classification scheme in
#   force (the information classification policy), so that it labels the
#   scheme's current levels. Labels on cloud data stores are checked by
#   c5_12.aws_classification_tags.
# custom:
#   controls: ["5.13"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Write down how each classification level is labelled on documents,
#     e-mail, storage media and systems (headers, metadata, tags), have it
#     approved, review it at its planned interval and whenever the
#     classification scheme changes.
package annexa.controls.c5_13.labelling

import data.annexa.lib.documents
import data.annexa.lib.evidence

what := "information labelling procedure"

deny contains f if {
	some f in documents.findings(["procedure"], "information_labelling", what)
}

deny contains f if {
	some r in documents.in_force(["procedure"], "information_labelling")
	evidence.approved(r)
	some scheme in documents.in_force(["policy"], "information_classification")
	evidence.approved(scheme)
	evidence.ns(labelling_date(r)) < evidence.ns(scheme.attributes.approved_at)
	f := {
		"msg": sprintf("%s %s was last approved or reviewed on %s, before classification policy %s was approved on %s; it may not label the current levels", [what, r.attributes.id, evidence.day(labelling_date(r)), scheme.attributes.id, evidence.day(scheme.attributes.approved_at)]),
		"resource": r.id,
	}
}

# labelling_date is when the procedure was last looked at: its review if
# later than its approval.
labelling_date(r) := evidence.latest([r.attributes.approved_at, object.get(r.attributes, "reviewed_at", r.attributes.approved_at)])

# judged are the labelling procedures findings judges.
judged := documents.judged(["procedure"], "information_labelling")
