# METADATA
# title: Risk assessments are performed at planned intervals
# description: |
#   The latest approved risk assessment (document, topic risk_assessment) is
#   inside its review period, the planned interval (major gap when none is
#   on file, in force or approved; minor when the review is overdue), and
#   its results are kept in the risk register annexa reads (a minor gap when
#   the run declares evidence but has no register).
# custom:
#   clause: "8.2"
#   inputs:
#     evidence: ["document:risk_assessment"]
#     declarations: ["risk register"]
package annexa.clauses.c8_2

import data.annexa.lib.clauses
import data.annexa.lib.evidence

what := "risk assessment"

met contains m if some m in clauses.document_met("document", "risk_assessment", what)

met contains clauses.shown(msg, "risk_register") if {
	clauses.register_declared
	bands := {b: n |
		some b in ["high", "medium", "low"]
		n := count([r | some r in clauses.risks; r.residual_band == b])
	}
	msg := sprintf("Risk register %s holds the results: %d risk(s), residual %d high, %d medium, %d low", [data.run.risks.register, count(clauses.risks), bands.high, bands.medium, bands.low])
}

gaps contains g if some g in clauses.document_gaps("document", "risk_assessment", what)

gaps contains clauses.minor("The results of the risk assessment are not available: no risk register (annexa.yaml risks:, or --risks)", "missing:risk_register") if {
	evidence.declared
	not clauses.register_declared
}

status := clauses.status(met, gaps)
