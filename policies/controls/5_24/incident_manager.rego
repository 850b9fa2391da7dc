# METADATA
# title: Someone working here is assigned to manage incidents
# description: |
#   The role register assigns the incident manager role (an entry with
#   function incident_manager, or whose role is named incident manager,
#   incident response lead or manager, incident coordinator or incident
#   commander) to a person. When a personnel register is declared too, at
#   least one holder must be working for the organisation now: a role held
#   only by a leaver or by someone not in the register leaves incidents
#   without an owner. Both are findings.
# custom:
#   controls: ["5.24"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:role_register"]
#   remediation: |
#     Assign the incident manager role to a current member of staff (and a
#     deputy), with the authority to lead the response, and record it in the
#     role register.
package annexa.controls.c5_24.incident_manager

import data.annexa.lib.evidence

name_pattern := `(?i)incident (manager|response (lead|manager)|coordinator|commander)`

holders := {e.entry.holder |
	some e in evidence.entries("role_register")
	incident_role(e.entry)
}

incident_role(entry) if entry.function == "incident_manager"

incident_role(entry) if {
	not entry.function
	regex.match(name_pattern, entry.role)
}

deny contains evidence.missing("role_register", "role register") if {
	evidence.declared
	count(evidence.records("role_register")) == 0
}

deny contains f if {
	r := evidence.records("role_register")[0]
	count(holders) == 0
	f := {
		"msg": "the role register assigns nobody to manage information security incidents (no incident manager role)",
		"resource": r.id,
	}
}

deny contains f if {
	count(evidence.people) > 0
	count(holders) > 0
	count(holders & evidence.active_people) == 0
	r := evidence.records("role_register")[0]
	f := {
		"msg": sprintf("the incident manager role is held only by %s, who does not work for the organisation now according to the personnel register", [concat(", ", sort(holders))]),
		"resource": r.id,
		"details": {"holders": sort(holders)},
	}
}

# judged are the role registers, whose incident manager it looks for.
judged := evidence.ids(["role_register"])
