# METADATA
# title: An ICT continuity plan with recovery objectives is approved and current
# description: |
#   The organisation has an ICT continuity or disaster recovery plan (a plan
#   record with topic ict_continuity or disaster_recovery) that is approved,
#   neither draft nor retired, inside its review period, and states the
#   recovery objectives derived from the business impact analysis: a
#   recovery time objective (rto_hours), a recovery point objective
#   (rpo_hours) and the ICT systems it covers (systems). A missing plan, a
#   plan that cannot be relied on, or one without its objectives or systems
#   is a finding. Whether the infrastructure can meet the objectives is
#   shown by the ICT continuity test policy.
# custom:
#   controls: ["5.30"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:plan"]
#   remediation: |
#     Derive RTO and RPO for the critical ICT services from the business
#     impact analysis, write and approve an ICT continuity (disaster
#     recovery) plan that meets them, and record it as a plan with topic
#     ict_continuity, rto_hours, rpo_hours and systems.
package annexa.controls.c5_30.ict_continuity_plan

import data.annexa.lib.documents
import data.annexa.lib.evidence

topics := {"ict_continuity", "disaster_recovery"}

plans := [r | some r in evidence.records("plan"); r.attributes.topic in topics]

deny contains documents.missing(["plan"], "ict_continuity", "ICT continuity plan") if {
	evidence.declared
	count(plans) == 0
}

deny contains f if {
	some r in plans
	p := evidence.problems(r)
	count(p) > 0
	f := {
		"msg": sprintf("ICT continuity plan %s cannot be relied on: %s", [r.attributes.id, concat("; ", p)]),
		"resource": r.id,
	}
}

deny contains f if {
	some r in plans
	gaps := sort(objective_gaps(r.attributes))
	count(gaps) > 0
	f := {
		"msg": sprintf("ICT continuity plan %s does not state %s", [r.attributes.id, concat(", ", gaps)]),
		"resource": r.id,
		"details": {"missing": gaps},
	}
}

objective_gaps(a) := {g |
	some field, g in {"rto_hours": "a recovery time objective (rto_hours)", "rpo_hours": "a recovery point objective (rpo_hours)"}
	not is_number(object.get(a, field, null))
} | systems_gap(a)

systems_gap(a) := set() if {
	count(object.get(a, "systems", [])) > 0
} else := {"the systems it covers (systems)"}

# judged are the ICT continuity and disaster recovery plans.
judged := {r.id | some r in plans}
