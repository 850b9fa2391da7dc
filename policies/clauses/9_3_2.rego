# METADATA
# title: The management review considers every required input
# description: |
#   The latest management review lists among its inputs each one ISO/IEC
#   27001 9.3.2 requires, by these names: previous_actions,
#   issue_changes, interested_party_changes, nonconformities,
#   monitoring_results, audit_results, objectives,
#   interested_party_feedback, risk_assessment and
#   improvement_opportunities. One minor gap names those it did not
#   consider. Without a review there is nothing to judge (9.3.1 reports
#   it).
# custom:
#   clause: "9.3.2"
#   inputs:
#     evidence: ["management_review"]
package annexa.clauses.c9_3_2

import data.annexa.lib.clauses

required := {
	"previous_actions": "the status of actions from previous management reviews",
	"issue_changes": "changes in external and internal issues",
	"interested_party_changes": "changes in the needs and expectations of interested parties",
	"nonconformities": "nonconformities and corrective actions",
	"monitoring_results": "monitoring and measurement results",
	"audit_results": "audit results",
	"objectives": "the fulfilment of information security objectives",
	"interested_party_feedback": "feedback from interested parties",
	"risk_assessment": "the results of risk assessment and the status of the risk treatment plan",
	"improvement_opportunities": "opportunities for continual improvement",
}

last := clauses.latest("management_review")

inputs := {lower(i) | some i in last.attributes.inputs}

considered := [k | some k, _ in required; k in inputs]

missing := [k | some k, _ in required; not k in inputs]

met contains clauses.shown(msg, last.id) if {
	count(considered) > 0
	msg := sprintf("Management review %s considered %d of the %d required inputs", [last.attributes.id, count(considered), count(required)])
}

gaps contains clauses.minor(msg, last.id) if {
	count(missing) > 0
	msg := sprintf("Management review %s did not consider %s", [last.attributes.id, concat("; ", [sprintf("%s (%s)", [required[k], k]) | some k in sort(missing)])])
}

status := clauses.status(met, gaps)
