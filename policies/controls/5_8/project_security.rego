# METADATA
# title: Active projects are security-assessed yearly
# description: |
#   The project register is approved and inside its review period, and
#   every active project (status active) has an information security risk
#   assessment no older than 12 months (security_assessed_at) and defined
#   security requirements (security_requirements true). Planned projects
#   are assessed by the time they start; closed ones are not judged.
# custom:
#   controls: ["5.8"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:project_register"]
#   remediation: |
#     Assess the information security risks of each project before it
#     starts and at least yearly while it runs, record the security
#     requirements it must meet, and keep the project register up to date.
package annexa.controls.c5_8.project_security

import data.annexa.lib.evidence
import data.annexa.lib.governance

months := 12

deny contains f if {
	some f in governance.register_findings("project_register", "project register")
}

deny contains f if {
	some e in evidence.entries("project_register")
	e.entry.status == "active"
	some problem in problems(e.entry)
	f := {
		"msg": sprintf("active project %s (%s) %s", [e.entry.id, e.entry.name, problem]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

problems(p) := {x | some x in [assessment(p), requirements(p)]; x != ""}

assessment(p) := "has no information security risk assessment (security_assessed_at)" if {
	not p.security_assessed_at
} else := sprintf("was last assessed for information security risks on %s, more than %d months ago", [evidence.day(p.security_assessed_at), months]) if {
	evidence.older_than(p.security_assessed_at, months)
} else := ""

requirements(p) := "has no defined security requirements (security_requirements is not true)" if {
	not p.security_requirements == true
} else := ""

# judged are the project registers: their standing and their active
# projects.
judged := evidence.ids(["project_register"])
