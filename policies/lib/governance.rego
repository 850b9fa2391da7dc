# METADATA
# title: Governance evidence helpers
# description: |
#   Helpers for the policies of the organizational controls that are judged
#   over declared registers: whether a register is current, who holds the
#   core ISMS roles, and which assets are in use. Documents (versions in
#   force, communication) are annexa.lib.documents. Built on
#   annexa.lib.evidence; "now" is the run's effective time.
# custom:
#   library: true
package annexa.lib.governance

import data.annexa.lib.documents
import data.annexa.lib.evidence

# Registers.

# register_findings checks every record of a register kind: each must be
# approved and inside its review period; with none on file the register is
# missing (if the run declares evidence).
register_findings(kind, what) := {f |
	some r in evidence.records(kind)
	p := evidence.problems(r)
	count(p) > 0
	f := {
		"msg": sprintf("%s %s cannot be relied on: %s", [what, r.attributes.id, concat("; ", p)]),
		"resource": r.id,
	}
} if {
	count(evidence.records(kind)) > 0
} else := {evidence.missing(kind, what)} if {
	evidence.declared
} else := set()

# entry_id names one entry of a register record in a finding's resource,
# e.g. asset_register/IT-ASSETS#LT-0031.
entry_id(record, key) := sprintf("%s#%s", [record.id, key])

# Personnel.

# person_status describes why a person id is not someone working for the
# organisation now, for messages; undefined for an active person.
person_status(id) := "who is not in the personnel register" if {
	not id in register_ids
} else := sprintf("who left on %s", [evidence.day(max(ends))]) if {
	not id in evidence.active_people
	ends := {p.end_date | some p in register_entries(id); evidence.left(p)}
	count(ends) > 0
} else := sprintf("who does not start until %s", [evidence.day(min(starts))]) if {
	not id in evidence.active_people
	starts := {p.start_date | some p in register_entries(id); evidence.in_future(p.start_date)}
	count(starts) > 0
}

# register_entries lists the personnel register entries with a person id.
register_entries(id) := [p | some p in evidence.people; p.id == id]

# register_ids is the set of person ids in the personnel register, built
# once, so that looking people up for every asset or role stays linear.
register_ids := {p.id | some p in evidence.people}

# same_person is true when a name written in a record (an approver, say)
# denotes the person with register id id, by id or by name, ignoring case.
same_person(written, id) if lower(written) == lower(id)

same_person(written, id) if {
	some p in evidence.people
	p.id == id
	lower(written) == lower(p.name)
}

# Roles.

# role_patterns recognise the core ISMS functions in role names, for roles
# whose register entry does not state its function.
role_patterns := {
	"top_management": `(?i)(top management|management sponsor|executive sponsor|\bceo\b|chief executive|managing director)`,
	"security_manager": `(?i)(\bciso\b|chief information security officer|information security (manager|officer|lead)|isms (manager|owner|lead)|head of (information )?security)`,
	"risk_owner": `(?i)\brisk owner\b`,
	"incident_manager": `(?i)(incident (manager|response (lead|manager)|coordinator|commander))`,
}

# functions is the set of core ISMS functions a role register entry fulfils:
# its declared function, or those its role name matches.
functions(entry) := {entry.function} if {
	entry.function
} else := {f |
	some f, pattern in role_patterns
	regex.match(pattern, entry.role)
}

# holders is the set of people who hold a role with the given function.
holders(function) := {e.entry.holder |
	some e in evidence.entries("role_register")
	function in functions(e.entry)
}

# Assets.

# active_assets lists the asset register entries in use (status active, or
# no status), each as {"record", "entry"}.
active_assets := [e |
	some e in evidence.entries("asset_register")
	in_use(e.entry)
]

in_use(asset) if not asset.status

in_use(asset) if asset.status == "active"

# classification_scheme lists the levels that the approved information
# classification policies in force define, as written and in their order.
classification_scheme := [level |
	some r in documents.in_force(["policy"], "information_classification")
	evidence.approved(r)
	some level in object.get(r.attributes, "classification_levels", [])
]

# classification_levels is the set of those levels in lower case.
classification_levels := {lower(level) | some level in classification_scheme}

# Contacts.

# contact_findings checks the contact register entries of one type
# (authority, special_interest_group): there is at least one, and each was
# verified (the contact still reaches the right people) within months.
# singular and plural name the type in messages.
contact_findings(type, singular, plural, months) := {f |
	some e in evidence.entries("contact_register")
	e.entry.type == type
	problem := unverified(e.entry, months)
	f := {
		"msg": sprintf("%s %s (%s) %s", [singular, e.entry.id, e.entry.organisation, problem]),
		"resource": entry_id(e.record, e.entry.id),
	}
} if {
	some e in evidence.entries("contact_register")
	e.entry.type == type
} else := {{
	"msg": sprintf("contact register %s lists no %s", [r.attributes.id, plural]),
	"resource": r.id,
} |
	some r in evidence.records("contact_register")
}

unverified(entry, months) := "has never been verified (verified_at)" if {
	not entry.verified_at
} else := sprintf("was last verified on %s, more than %d months ago", [evidence.day(entry.verified_at), months]) if {
	evidence.older_than(entry.verified_at, months)
}
