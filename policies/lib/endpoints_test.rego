package annexa.lib.endpoints_test

import data.annexa.lib.endpoints
import data.annexa.lib.testing

now := time.parse_rfc3339_ns("2026-11-20T00:00:00Z")

register := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "LT-1", "name": "MacBook Air", "type": "hardware", "assigned_to": "a@example.com", "status": "active"},
	{"id": "LT-2", "name": "Old laptop", "type": "hardware", "assigned_to": "b@example.com", "status": "disposed"},
	{"id": "FW-1", "name": "Firewall", "type": "hardware"},
	{"id": "SVC-1", "name": "Mail", "type": "service", "assigned_to": "a@example.com"},
]})

export(id, date, entries) := testing.evidence("endpoint_compliance", id, {"performed_at": date, "entries": entries})

test_devices_are_assigned_hardware_in_use if {
	ds := endpoints.devices with data.facts as testing.facts([register])
	[a.entry.id | some a in ds] == ["LT-1"]
}

test_reported_takes_the_latest_export if {
	old := export("EC-10", "2026-10-15T00:00:00Z", [{"device": "LT-1", "encrypted": false}, {"device": "LT-3"}])
	new := export("EC-11", "2026-11-15T00:00:00Z", [{"device": "LT-1", "encrypted": true}])
	r := endpoints.reported with data.facts as testing.facts([old, new])
	r["LT-1"].record.id == "endpoint_compliance/EC-11"
	r["LT-3"].record.id == "endpoint_compliance/EC-10"
}

test_stale_after_31_days if {
	fresh := {"record": export("EC", "2026-10-20T00:00:00Z", []), "entry": {}}
	old := {"record": export("EC", "2026-10-19T00:00:00Z", []), "entry": {}}
	not endpoints.stale(fresh) with data.run as {"effective_time_ns": now}
	endpoints.stale(old) with data.run as {"effective_time_ns": now}
}

test_silent_after_30_days if {
	r := export("EC", "2026-11-15T00:00:00Z", [])
	endpoints.silent({"record": r, "entry": {"last_seen_at": "2026-10-15T00:00:00Z"}})
	not endpoints.silent({"record": r, "entry": {"last_seen_at": "2026-10-16T00:00:00Z"}})
	not endpoints.silent({"record": r, "entry": {}})
}

test_label_uses_asset_name if {
	x := {"record": export("EC", "2026-11-15T00:00:00Z", []), "entry": {"device": "LT-1"}}
	endpoints.label(x) == "MacBook Air (LT-1)" with data.facts as testing.facts([register])
	endpoints.label(x) == "device LT-1" with data.facts as testing.facts([])
}
