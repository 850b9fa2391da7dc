# METADATA
# title: Risks are treated, with an approved SoA and treatment plan
# description: |
#   An approved Statement of Applicability (document, topic soa) and an
#   approved risk treatment plan (document, topic risk_treatment_plan) are
#   in force and inside their review periods (major gap when either is not
#   on file, in force or approved; minor when a review is overdue). The
#   applicability file states every Annex A control with a justification (a
#   minor gap naming the controls it does not, and when the run declares
#   evidence but has no applicability file). Every risk whose residual score
#   is above the appetite has an acceptance by its owner that is valid at
#   the effective time (a minor gap for each that has not).
# custom:
#   clause: "6.1.3"
#   inputs:
#     evidence: ["document:soa", "document:risk_treatment_plan"]
#     declarations: ["applicability file", "risk register"]
package annexa.clauses.c6_1_3

import data.annexa.lib.clauses
import data.annexa.lib.evidence

soa := data.run.soa

# soa_declared is true when the run has an applicability file.
soa_declared if soa.file != ""

# not_stated lists the controls the applicability file gives no
# justification for, excluded those it excludes, in catalog order.
not_stated := [c.id | some c in soa.controls; c.justification == "not stated"]

excluded := [c.id | some c in soa.controls; not c.applicable]

above := [r | some r in clauses.risks; r.above_appetite]

met contains m if some m in clauses.document_met("document", "soa", "Statement of Applicability")

met contains m if some m in clauses.document_met("document", "risk_treatment_plan", "risk treatment plan")

met contains clauses.shown(msg, "applicability") if {
	soa_declared
	count(not_stated) == 0
	msg := sprintf("Applicability file %s states all %d controls with a justification, %d of them excluded", [soa.file, count(soa.controls), count(excluded)])
}

met contains clauses.shown(msg, "risk_register") if {
	clauses.register_declared
	count(above) == 0
	msg := sprintf("No residual risk is above the appetite of %d", [data.run.risks.appetite])
}

met contains clauses.shown_all(msg, [clauses.risk_ref(r) | some r in accepted]) if {
	count(accepted) > 0
	msg := sprintf("%d risk(s) above the appetite are accepted by their owners: %s", [count(accepted), concat(", ", [r.id | some r in accepted])])
}

accepted := [r | some r in above; r.accepted]

gaps contains g if some g in clauses.document_gaps("document", "soa", "Statement of Applicability")

gaps contains g if some g in clauses.document_gaps("document", "risk_treatment_plan", "risk treatment plan")

gaps contains clauses.minor(msg, "applicability") if {
	soa_declared
	count(not_stated) > 0
	msg := sprintf("Applicability file %s gives no justification for %d control(s): %s", [soa.file, count(not_stated), first_ids(not_stated)])
}

gaps contains clauses.minor("No applicability file: name it in annexa.yaml (applicability:) or with --applicability", "missing:applicability") if {
	evidence.declared
	not soa_declared
}

gaps contains clauses.minor(msg, clauses.risk_ref(r)) if {
	some r in above
	not r.accepted
	msg := sprintf("Risk %s has a residual score of %d, above the appetite of %d, %s", [r.id, r.residual, data.run.risks.appetite, unaccepted(r)])
}

unaccepted(r) := sprintf("and the acceptance by %s is not valid: %s", [r.acceptance.by, r.acceptance.problem]) if {
	r.acceptance
} else := "and its owner has not accepted it"

# first_ids lists up to ten ids, and how many more there are.
first_ids(ids) := concat(", ", ids) if {
	count(ids) <= 10
} else := sprintf("%s and %d more", [concat(", ", array.slice(ids, 0, 10)), count(ids) - 10])

status := clauses.status(met, gaps)
