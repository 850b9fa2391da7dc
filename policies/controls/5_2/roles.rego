# METADATA
# title: Core ISMS roles held by people who work here
# description: |
#   The role register is approved and inside its review period, and names a
#   holder for each core ISMS function: a top management sponsor, an
#   information security manager (CISO), at least one risk owner and an
#   incident manager. A role's function is its entry's function field or,
#   without one, is recognised from its name (e.g. "CISO", "Risk owner
#   (platform)"). Every role is held by someone active in the personnel
#   register (started, not left) and states its responsibilities.
# custom:
#   controls: ["5.2"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:role_register", "evidence:personnel_register"]
#   remediation: |
#     Assign each core ISMS role to a named person, reassign roles held by
#     people who have left, describe each role's responsibilities, and have
#     management approve and periodically review the role register.
package annexa.controls.c5_2.roles

import data.annexa.lib.evidence
import data.annexa.lib.governance

core := {
	"top_management": "top management sponsor of the ISMS",
	"security_manager": "information security manager (CISO)",
	"risk_owner": "risk owner",
	"incident_manager": "incident manager",
}

registers := evidence.records("role_register")

deny contains f if {
	some f in governance.register_findings("role_register", "role register")
}

deny contains f if {
	count(registers) > 0
	some function, what in core
	count(governance.holders(function)) == 0
	f := {
		"msg": sprintf("nobody is assigned the core ISMS role of %s in the role register", [what]),
		"resource": registers[0].id,
		"details": {"function": function},
	}
}

deny contains f if {
	count(registers) > 0
	count(evidence.people) > 0
	some e in evidence.entries("role_register")
	status := governance.person_status(e.entry.holder)
	f := {
		"msg": sprintf("role %q is held by %s, %s", [e.entry.role, e.entry.holder, status]),
		"resource": governance.entry_id(e.record, e.entry.role),
	}
}

deny contains f if {
	some e in evidence.entries("role_register")
	not e.entry.responsibilities
	f := {
		"msg": sprintf("role %q (held by %s) has no responsibilities described", [e.entry.role, e.entry.holder]),
		"resource": governance.entry_id(e.record, e.entry.role),
		"severity": "low",
	}
}

deny contains evidence.missing("personnel_register", "personnel register") if {
	count(registers) > 0
	count(evidence.records("personnel_register")) == 0
}

# judged are the role registers: their standing and every role in them.
judged := evidence.ids(["role_register"])
