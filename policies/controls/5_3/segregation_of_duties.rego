# METADATA
# title: Nobody holds two roles declared as conflicting
# description: |
#   The role register declares which roles conflict (conflicts: sets of
#   roles one person must not combine) and no person holds two roles of the
#   same conflict set, across all role registers. A register that declares
#   no conflicts at all is a finding (segregation was not analysed), and so
#   is a conflict naming a role nobody holds, which usually means a
#   misspelt role name that makes the rule check nothing.
# custom:
#   controls: ["5.3"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:role_register"]
#   remediation: |
#     Give one of the conflicting roles to someone else, or, where the
#     organisation is too small to separate them, record a compensating
#     control (monitoring, approval by a third person) and an accepted risk.
#     List the role combinations that must be segregated in the register's
#     conflicts, spelling role names exactly as in its entries.
package annexa.controls.c5_3.segregation_of_duties

import data.annexa.lib.evidence
import data.annexa.lib.governance

registers := evidence.records("role_register")

# held maps each role name to the set of its holders, over all registers.
held := {k: {v | some [k2, v] in held_pairs; k2 == k} | some k in {x | some [x, _] in held_pairs}}

held_pairs contains [role, e.entry.holder] if {
	some e in evidence.entries("role_register")
	role := e.entry.role
}

deny contains evidence.missing("role_register", "role register") if {
	evidence.declared
	count(registers) == 0
}

deny contains f if {
	count(registers) > 0
	count([c | some r in registers; some c in object.get(r.attributes, "conflicts", [])]) == 0
	f := {
		"msg": sprintf("role register %s declares no conflicting roles, so segregation of duties cannot be checked", [registers[0].attributes.id]),
		"resource": registers[0].id,
		"severity": "medium",
	}
}

deny contains f if {
	some r in registers
	some c in object.get(r.attributes, "conflicts", [])
	some person in {h | some role in c.roles; some h in object.get(held, role, set())}
	combined := sort([role | some role in c.roles; person in object.get(held, role, set())])
	count(combined) > 1
	f := {
		"msg": sprintf("%s holds %s, which must be segregated%s", [person, concat(" and ", [sprintf("%q", [x]) | some x in combined]), reason(c)]),
		"resource": governance.entry_id(r, person),
		"details": {"roles": combined},
	}
}

deny contains f if {
	some r in registers
	some c in object.get(r.attributes, "conflicts", [])
	some role in c.roles
	not held[role]
	f := {
		"msg": sprintf("a conflict rule of role register %s names role %q, which nobody holds; check the spelling", [r.attributes.id, role]),
		"resource": r.id,
		"severity": "low",
	}
}

reason(c) := sprintf(": %s", [c.reason]) if c.reason

else := ""

# judged are the role registers, whose conflict rules and holders it
# checks.
judged := evidence.ids(["role_register"])
