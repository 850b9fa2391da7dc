# METADATA
# title: Physical security helpers
# description: |
#   Helpers for the physical controls (7.x): the sites of the asset register,
#   the physical inspections of each site and the check results they
#   record, equipment maintenance and disposal records. A site is an asset
#   register entry of type site that is not disposed, retired or lost; an
#   inspection names the site by its asset id.
# custom:
#   library: true
package annexa.lib.physical

import data.annexa.lib.evidence

# inspection_months is how old the latest inspection of a check at a site
# may be.
inspection_months := 12

# gone lists the asset statuses of things the organisation no longer has.
gone := {"disposed", "retired", "lost"}

# in_use is true for an asset register entry the organisation still has.
in_use(a) if not object.get(a, "status", "active") in gone

# assets lists the asset register entries in use, each as
# {"record": <asset register fact>, "entry": <entry>}.
assets := [a |
	some a in evidence.entries("asset_register")
	in_use(a.entry)
]

# sites lists the sites (premises) in use, in the same shape.
sites := [s |
	some s in assets
	s.entry.type == "site"
]

# ref is the resource id of an asset register entry in a finding.
ref(a) := sprintf("%s#%s", [a.record.id, a.entry.id])

# site_name names a site for a message: "London office (SITE-LONDON)".
site_name(s) := sprintf("%s (%s)", [s.entry.name, s.entry.id])

# labels are the words messages use for each inspection check.
labels := {
	"perimeter": "security perimeter",
	"entry_control": "physical entry controls",
	"offices": "security of offices, rooms and facilities",
	"monitoring": "physical security monitoring",
	"environmental": "protection against environmental threats",
	"secure_areas": "working in secure areas",
	"clear_desk": "clear desk and clear screen",
	"equipment_siting": "equipment siting and protection",
	"storage_media": "storage media handling",
	"utilities": "supporting utilities",
	"cabling": "cabling security",
	"delivery_areas": "delivery and loading areas",
}

# rank orders results so that, of two inspections on the same date, the
# worse result is taken as the latest.
rank := {"pass": 0, "partial": 1, "fail": 2}

# results lists the results of one check at one site from every inspection
# performed up to now, each as {"record": <inspection fact>, "check": <check>}.
results(site_id, check) := [x |
	some r in evidence.records("physical_inspection")
	r.attributes.site == site_id
	not evidence.in_future(r.attributes.performed_at)
	some c in r.attributes.checks
	c.check == check
	x := {"record": r, "check": c}
]

# latest returns the most recent of a non-empty list of results.
latest(xs) := x if {
	key := max({order_key(y) | some y in xs})
	some x in xs
	order_key(x) == key
}

order_key(x) := [x.record.attributes.performed_at, rank[x.check.result], x.record.id]

# site_findings checks one inspection check at every site: a finding when
# the latest result is fail or partial, when the latest inspection of it is
# older than inspection_months, and, if required, when the site was never
# inspected for it. Without sites it reports a missing asset register, or a
# register that lists no site.
site_findings(check, required) := (register_findings | never_findings(check, required)) | latest_findings(check)

# site_judged is the set of what site_findings(check, required) judges:
# the sites in use, as asset register entries (when the check is not
# required, only those inspected for it), and their inspections for it.
site_judged(check, true) := {ref(s) | some s in sites} | inspections_of(check)

site_judged(check, false) := {ref(s) |
	some s in sites
	[s.entry.id, check] in inspected
} | inspections_of(check)

# inspections_of is the set of the ids of the inspections of check at the
# sites in use performed up to now.
inspections_of(check) := {r.id |
	some r in evidence.records("physical_inspection")
	r.attributes.site in site_ids
	not evidence.in_future(r.attributes.performed_at)
	some c in r.attributes.checks
	c.check == check
}

site_ids := {s.entry.id | some s in sites}

# inspected is the set of [site, check] pairs of the inspections
# performed up to now, built once so that site_judged stays linear.
inspected := {[r.attributes.site, c.check] |
	some r in evidence.records("physical_inspection")
	not evidence.in_future(r.attributes.performed_at)
	some c in r.attributes.checks
}

register_findings := {evidence.missing("asset_register", "asset register listing the organisation's sites")} if {
	evidence.declared
	count(evidence.records("asset_register")) == 0
} else := {{
	"msg": sprintf("Asset register %s lists no site (an asset of type site), so no premises can be checked; list the offices and other premises, or exclude the physical controls in the Statement of Applicability", [r.attributes.id]),
	"resource": r.id,
}} if {
	count(sites) == 0
	r := evidence.records("asset_register")[0]
} else := set()

never_findings(check, true) := {f |
	some s in sites
	count(results(s.entry.id, check)) == 0
	f := {
		"msg": sprintf("Site %s has no physical inspection of %s on file", [site_name(s), labels[check]]),
		"resource": ref(s),
		"details": {"site": s.entry.id, "check": check},
	}
}

never_findings(_, false) := set()

latest_findings(check) := {f |
	some s in sites
	xs := results(s.entry.id, check)
	count(xs) > 0
	x := latest(xs)
	some f in result_findings(s, check, x)
}

result_findings(s, check, x) := {f |
	evidence.older_than(x.record.attributes.performed_at, inspection_months)
	f := {
		"msg": sprintf(
			"%s at site %s was last inspected on %s (%s), more than %d months ago",
			[capitalized(labels[check]), site_name(s), evidence.day(x.record.attributes.performed_at), x.record.attributes.id, inspection_months],
		),
		"resource": x.record.id,
		"details": details(s, check, x),
	}
} | {f |
	x.check.result in {"fail", "partial"}
	f := {
		"msg": sprintf(
			"%s check at site %s %s at the inspection of %s (%s)%s",
			[capitalized(labels[check]), site_name(s), verdict[x.check.result], evidence.day(x.record.attributes.performed_at), x.record.attributes.id, note(x.check)],
		),
		"resource": x.record.id,
		"details": details(s, check, x),
	}
}

capitalized(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

verdict := {"fail": "failed", "partial": "was only partly met"}

note(c) := sprintf(": %s", [trim_space(c.notes)]) if {
	trim_space(c.notes) != ""
} else := ""

details(s, check, x) := {
	"site": s.entry.id,
	"check": check,
	"result": x.check.result,
	"performed_at": evidence.day(x.record.attributes.performed_at),
}

# Disposal.

# secure_methods are the disposal methods that sanitise or destroy the
# storage themselves; return_to_vendor needs the vendor's certificate.
secure_methods := {"wipe", "crypto_erase", "shred", "degauss", "destroy", "reuse_after_wipe"}

# disposals lists every disposal record entry up to now, each as
# {"record", "entry"}.
disposals := [d |
	some d in evidence.entries("disposal_record")
	not evidence.in_future(d.entry.disposed_at)
]

# disposal_problems lists why a disposal cannot be relied on to have
# removed the data (empty when it can).
disposal_problems(e) := sort(unverified(e) | uncertified(e))

unverified(e) := {"nobody verified it (verified_by is missing)"} if {
	not e.verified_by
} else := set()

uncertified(e) := {"it was returned to the vendor without a certificate of data destruction"} if {
	e.method == "return_to_vendor"
	not e.certificate
} else := set()

# disposal_ref is the resource id of a disposal record entry.
disposal_ref(d) := sprintf("%s#%s", [d.record.id, d.entry.asset])

# Maintenance.

# maintenance maps each asset to its latest maintenance entry performed up
# to now, as {"record", "entry"}; assets the register no longer has in use
# are left out. Of two entries on the same day the worse result counts.
maintenance := {row[0]: maintenance_done[row[2]] |
	some k, row in by_asset_and_date
	not by_asset_and_date[k + 1][0] == row[0]
}

maintenance_done := [m |
	some m in evidence.entries("equipment_maintenance")
	not evidence.in_future(m.entry.performed_at)
]

# by_asset_and_date orders the entries of assets in use by asset, then by
# maintenance_key, as [asset, key, index in maintenance_done]: the last row
# of each asset is its latest entry. Sorting once keeps large logs linear
# where grouping entries per asset in Rego does not.
by_asset_and_date := sort([[m.entry.asset, maintenance_key(m), i] |
	some i, m in maintenance_done
	not m.entry.asset in gone_assets
])

gone_assets := {a.entry.id |
	some a in evidence.entries("asset_register")
	not in_use(a.entry)
}

maintenance_key(m) := [m.entry.performed_at, rank[object.get(m.entry, "result", "pass")], m.record.id]

# maintenance_ref is the resource id of a maintenance record entry.
maintenance_ref(m) := sprintf("%s#%s", [m.record.id, m.entry.asset])

# asset_label names an asset for a message: "Office UPS (NET-UPS-01)", or
# only the id when the asset register does not list it.
asset_label(id) := sprintf("%s (%s)", [names[id], id]) if {
	names[id]
} else := id

names := {a.entry.id: a.entry.name | some a in evidence.entries("asset_register")}
