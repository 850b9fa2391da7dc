# METADATA
# title: User endpoint device helpers
# description: |
#   Helpers for the controls judged over the compliance exports of device
#   management (8.1, 8.7): which assets are user endpoint devices, and what
#   the most recent export says about each. A user endpoint device is an
#   asset register entry of type hardware, assigned to a person, that is
#   still in use. Several exports may be on file (one per tool, one per
#   month); each device is judged by the most recent export that lists it.
# custom:
#   library: true
package annexa.lib.endpoints

import data.annexa.lib.evidence

# max_age_days is how old the export that vouches for a device may be.
max_age_days := 31

# max_silence_days is how long before its export a device may have last
# checked in with device management; after that its state is unknown.
max_silence_days := 30

gone := {"disposed", "retired", "lost"}

# devices lists the user endpoint devices of the asset register, each as
# {"record": <asset register fact>, "entry": <entry>}.
devices := [a |
	some a in evidence.entries("asset_register")
	a.entry.type == "hardware"
	a.entry.assigned_to
	not object.get(a.entry, "status", "active") in gone
]

# reports lists the entries of every endpoint compliance export, each as
# {"record": <export fact>, "entry": <device entry>}.
reports := evidence.entries("endpoint_compliance")

# reported maps each device id to its entry in the most recent export that
# lists it (of two exports on the same day, the one with the lower id).
# A complete object, built once: policies look devices up in it one asset
# at a time, and a partial rule looked up by key would be evaluated anew
# for every lookup.
reported := {d: x |
	some d in {x.entry.device | some x in reports}
	listing := [x | some x in reports; x.entry.device == d]
	last := evidence.latest([x.record.attributes.performed_at | some x in listing])
	x := [y | some y in listing; y.record.attributes.performed_at == last][0]
}

# stale is true when the export that vouches for a device is older than
# max_age_days.
stale(x) if evidence.older_than_days(x.record.attributes.performed_at, max_age_days)

# ref is the resource id of an asset register entry in a finding.
ref(a) := sprintf("%s#%s", [a.record.id, a.entry.id])

# report_ref is the resource id of a device entry of an export.
report_ref(x) := sprintf("%s#%s", [x.record.id, x.entry.device])

# name describes a device of the asset register for a message:
# "MacBook Pro 14 (Priya Raman) (LT-0012)".
name(a) := sprintf("%s (%s)", [a.entry.name, a.entry.id])

# label describes a device of an export for a message, by its asset name
# when the asset register knows it.
label(x) := name(a) if {
	some a in evidence.entries("asset_register")
	a.entry.id == x.entry.device
} else := sprintf("device %s", [x.entry.device])

# silent is true when a device had not checked in for more than
# max_silence_days when its export was taken.
silent(x) if {
	seen := evidence.ns(x.entry.last_seen_at)
	taken := evidence.ns(x.record.attributes.performed_at)
	time.add_date(seen, 0, 0, max_silence_days) < taken
}
