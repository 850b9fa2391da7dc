# METADATA
# title: The documented information the standard requires is on file
# description: |
#   Each piece of documented information ISO/IEC 27001 requires is on file
#   (not a draft or retired): the ISMS scope (4.3), the information
#   security policy (5.2), the risk methodology (6.1.2), the risk treatment
#   plan and the Statement of Applicability (6.1.3), the objectives (6.2),
#   evidence of competence (7.2, a training record), the definition of what
#   is monitored (9.1), the risk assessment (8.2), the audit programme and
#   an audit report (9.2), a management review (9.3) and the nonconformity
#   register (10.2). Each missing one is a minor gap when the run declares
#   evidence; whether each is approved and current is for the clause that
#   requires it.
# custom:
#   clause: "7.5.1"
#   inputs:
#     evidence: ["document", "policy", "training_record", "internal_audit", "management_review", "nonconformity_register"]
package annexa.clauses.c7_5_1

import data.annexa.lib.clauses
import data.annexa.lib.evidence

required := [
	{"kind": "document", "topic": "isms_scope", "what": "the ISMS scope (4.3)"},
	{"kind": "policy", "topic": "information_security", "what": "the information security policy (5.2)"},
	{"kind": "document", "topic": "risk_methodology", "what": "the risk methodology (6.1.2)"},
	{"kind": "document", "topic": "risk_treatment_plan", "what": "the risk treatment plan (6.1.3)"},
	{"kind": "document", "topic": "soa", "what": "the Statement of Applicability (6.1.3)"},
	{"kind": "document", "topic": "objectives", "what": "the information security objectives (6.2)"},
	{"kind": "training_record", "what": "evidence of competence (7.2)"},
	{"kind": "document", "topic": "risk_assessment", "what": "the results of the risk assessment (8.2)"},
	{"kind": "document", "topic": "monitoring_measurement", "what": "what is monitored and measured (9.1)"},
	{"kind": "document", "topic": "audit_programme", "what": "the audit programme (9.2.2)"},
	{"kind": "internal_audit", "what": "the results of internal audits (9.2.2)"},
	{"kind": "management_review", "what": "the results of management reviews (9.3.3)"},
	{"kind": "nonconformity_register", "what": "nonconformities and corrective actions (10.2)"},
]

on_file(req) := [r |
	some r in evidence.records(req.kind)
	not evidence.inactive(r)
	object.get(r.attributes, "topic", "") == object.get(req, "topic", "")
]

met contains clauses.shown_all(msg, [r.id | some r in on_file(req)]) if {
	some req in required
	count(on_file(req)) > 0
	msg := sprintf("On file: %s, in %s", [req.what, concat(", ", [r.id | some r in on_file(req)])])
}

gaps contains clauses.minor(msg, resource) if {
	evidence.declared
	some req in required
	count(on_file(req)) == 0
	msg := sprintf("Not on file: %s (a %s record%s)", [req.what, req.kind, topic_note(req)])
	resource := trim_suffix(sprintf("missing:%s/%s", [req.kind, object.get(req, "topic", "")]), "/")
}

topic_note(req) := sprintf(" with topic %s", [req.topic]) if req.topic

else := ""

status := clauses.status(met, gaps)
