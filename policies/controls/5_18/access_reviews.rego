# METADATA
# title: Access rights to each system are reviewed on schedule
# description: |
#   Every system in scope has a privileged access review (access_review
#   scope privileged or all) no older than 3 months and a review of
#   standard access (scope standard or all) no older than 6 months, and no
#   later than its own review_interval where the record sets a shorter one.
#   Systems in scope are the assets in use in the asset register of type
#   cloud_account or service, plus any other system an access review
#   names; a review names a registered system by its asset id or name
#   (ignoring case). Draft or retired reviews and reviews dated after the
#   effective time do not count.
# custom:
#   controls: ["5.18"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:access_review", "evidence:asset_register"]
#   remediation: |
#     Have the system owner review who holds privileged access at least
#     quarterly and all other access at least every six months, remove what
#     is no longer needed, and record each review (system, scope,
#     performed_at, reviewer, accounts reviewed and removed).
package annexa.controls.c5_18.access_reviews

import data.annexa.lib.evidence
import data.annexa.lib.governance

scope_types := {"cloud_account", "service"}

cadence := {
	"privileged": {"months": 3, "scopes": {"privileged", "all"}, "severity": "high"},
	"standard": {"months": 6, "scopes": {"standard", "all"}, "severity": "medium"},
}

# reviews are the access reviews that count: finished and not post-dated.
reviews := [r |
	some r in evidence.records("access_review")
	not evidence.inactive(r)
	not evidence.in_future(r.attributes.performed_at)
]

# registered are the systems in scope from the asset register.
registered := {s |
	some e in governance.active_assets
	e.entry.type in scope_types
	s := {
		"label": sprintf("%s (%s)", [e.entry.id, e.entry.name]),
		"resource": governance.entry_id(e.record, e.entry.id),
		"names": {lower(e.entry.id), lower(e.entry.name)},
	}
}

registered_names := {n | some s in registered; some n in s.names}

# unregistered are the other systems that access reviews name.
unregistered := {s |
	some r in reviews
	name := lower(r.attributes.system)
	not name in registered_names
	s := {
		"label": min({x.attributes.system | some x in reviews; lower(x.attributes.system) == name}),
		"resource": latest([x | some x in reviews; lower(x.attributes.system) == name]).id,
		"names": {name},
	}
}

systems := registered | unregistered

reviews_of(system, kind) := [r |
	some r in reviews
	r.attributes.scope in cadence[kind].scopes
	lower(r.attributes.system) in system.names
]

# latest is the most recent of a non-empty list of reviews (by performed_at,
# then id).
latest(rs) := r if {
	when := max({x.attributes.performed_at | some x in rs})
	id := min({x.id | some x in rs; x.attributes.performed_at == when})
	some r in rs
	r.id == id
}

# due_ns is when the next review of a kind falls due after review r.
due_ns(r, kind) := min({time.add_date(evidence.ns(r.attributes.performed_at), 0, cadence[kind].months, 0)} | declared_due(r))

declared_due(r) := {evidence.ns(r.attributes.due)} if r.attributes.due

else := set()

deny contains evidence.missing("asset_register", "asset register") if {
	evidence.declared
	count(evidence.records("asset_register")) == 0
}

deny contains evidence.missing("access_review", "access review") if {
	evidence.declared
	count(systems) == 0
}

deny contains f if {
	some system in systems
	some kind, c in cadence
	count(reviews_of(system, kind)) == 0
	f := {
		"msg": sprintf("no %s access review of %s is on file; they are due every %d months", [kind, system.label, c.months]),
		"resource": system.resource,
		"severity": c.severity,
	}
}

deny contains f if {
	some system in systems
	some kind, c in cadence
	rs := reviews_of(system, kind)
	count(rs) > 0
	r := latest(rs)
	due := due_ns(r, kind)
	due < evidence.now_ns
	f := {
		"msg": sprintf("the last %s access review of %s was %s on %s; the next was due on %s", [kind, system.label, r.attributes.id, evidence.day(r.attributes.performed_at), time.format([due, "UTC", "2006-01-02"])]),
		"resource": r.id,
		"severity": c.severity,
	}
}

# judged are the systems whose reviews it checks (their asset register
# entries, or for a system the register does not list, its latest
# review) and the reviews on file.
judged := {s.resource | some s in systems} | {r.id | some r in reviews}
