# METADATA
# title: Top management approves the policy and the roles
# description: |
#   Management direction is on record: an active person holds the top
#   management sponsor role in the role register (function top_management,
#   or a role named e.g. "Top management sponsor" or "CEO"), and the
#   information security policy in force (policy topic
#   information_security) and the role register were each approved by a
#   holder of that role, identified by person id or name. Whether managers
#   brief their staff is not visible in records; 6.3 checks awareness
#   training.
# custom:
#   controls: ["5.4"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:role_register", "evidence:policy"]
#   remediation: |
#     Name the member of top management who sponsors the ISMS in the role
#     register, and have that person approve the information security policy
#     and the assignment of security roles.
package annexa.controls.c5_4.management_direction

import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.governance

sponsors := {h | some h in governance.holders("top_management"); h in evidence.active_people}

registers := evidence.records("role_register")

deny contains evidence.missing("role_register", "role register") if {
	evidence.declared
	count(registers) == 0
}

deny contains documents.missing(["policy"], "information_security", "information security policy") if {
	evidence.declared
	count(documents.in_force(["policy"], "information_security")) == 0
}

deny contains f if {
	count(registers) > 0
	count(sponsors) == 0
	f := {
		"msg": sprintf("no active member of top management holds the ISMS sponsor role in role register %s", [registers[0].attributes.id]),
		"resource": registers[0].id,
	}
}

deny contains f if {
	count(sponsors) > 0
	some r in array.concat(documents.in_force(["policy"], "information_security"), registers)
	not approved_by_sponsor(r)
	f := {
		"msg": sprintf("%s %s must be approved by top management (%s) but %s", [label(r), r.attributes.id, concat(", ", sort(sponsors)), approval(r)]),
		"resource": r.id,
	}
}

approved_by_sponsor(r) if {
	some s in sponsors
	governance.same_person(r.attributes.approved_by, s)
}

label(r) := "information security policy" if r.type == "policy"

else := "role register"

approval(r) := sprintf("was approved by %s", [r.attributes.approved_by]) if r.attributes.approved_by

else := "is not approved"

# judged are the role registers and, once a sponsor is known, the
# information security policies in force whose approval it checks.
judged := evidence.ids(["role_register"]) | {r.id |
	count(sponsors) > 0
	some r in documents.in_force(["policy"], "information_security")
}
