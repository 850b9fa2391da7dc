package annexa.controls.c8_1.endpoint_compliance_test

import data.annexa.controls.c8_1.endpoint_compliance as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

register := testing.evidence("asset_register", "IT-ASSETS", {"entries": [
	{"id": "LT-0012", "name": "MacBook Pro 14 (Priya Raman)", "type": "hardware", "assigned_to": "priya@example.com", "status": "active"},
	{"id": "LT-0031", "name": "MacBook Air (Jonas Berg)", "type": "hardware", "assigned_to": "jonas@example.com", "status": "active"},
	{"id": "LT-0009", "name": "MacBook Pro 13", "type": "hardware", "status": "disposed"},
	{"id": "NET-FW-01", "name": "Office firewall", "type": "hardware", "status": "active"},
]})

good(device, person) := {
	"device": device,
	"person": person,
	"os": "macOS 15.1",
	"managed": true,
	"encrypted": true,
	"screen_lock": true,
	"os_supported": true,
	"os_patched": true,
	"endpoint_protection": true,
	"last_seen_at": "2026-11-15T08:00:00Z",
}

export(id, date, entries) := testing.evidence("endpoint_compliance", id, {
	"source": "Jamf Pro",
	"performed_at": date,
	"entries": entries,
})

current := export("EC-2026-11", "2026-11-16T00:00:00Z", [good("LT-0012", "priya@example.com"), good("LT-0031", "jonas@example.com")])

test_pass_all_devices_compliant if {
	count(check.deny) == 0 with data.facts as testing.facts([register, current]) with data.run as now
}

test_fail_missing_export if {
	findings := check.deny with data.facts as testing.facts([register]) with data.run as now
	{f.resource | some f in findings} == {"missing:endpoint_compliance"}
}

test_pass_no_evidence_no_findings if {
	count(check.deny) == 0 with data.facts as testing.facts([]) with data.run as now
}

test_fail_device_not_in_any_export if {
	e := export("EC-2026-11", "2026-11-16T00:00:00Z", [good("LT-0012", "priya@example.com")])
	check.deny == {{
		"msg": "MacBook Air (Jonas Berg) (LT-0031), assigned to jonas@example.com, is in no endpoint compliance export: it is not shown to be under device management",
		"resource": "asset_register/IT-ASSETS#LT-0031",
	}} with data.facts as testing.facts([register, e])
		with data.run as now
}

test_fail_unmanaged_device if {
	e := export("EC-2026-11", "2026-11-16T00:00:00Z", [good("LT-0012", "priya@example.com"), object.union(good("LT-0031", "jonas@example.com"), {"managed": false})])
	findings := check.deny with data.facts as testing.facts([register, e]) with data.run as now
	{f.msg | some f in findings} == {"MacBook Air (Jonas Berg) (LT-0031), assigned to jonas@example.com, is not enrolled in device management (export EC-2026-11)"}
}

test_fail_posture if {
	bad := object.union(good("LT-0031", "jonas@example.com"), {"encrypted": false, "os_patched": false, "last_seen_at": "2026-10-01T00:00:00Z"})
	e := export("EC-2026-11", "2026-11-16T00:00:00Z", [good("LT-0012", "priya@example.com"), object.remove(bad, ["screen_lock"])])
	findings := check.deny with data.facts as testing.facts([register, e]) with data.run as now
	count(findings) == 1
	some f in findings
	f.resource == "endpoint_compliance/EC-2026-11#LT-0031"
	f.details.problems == [
		"full-disk encryption is off",
		"automatic screen lock is not shown",
		"required security updates are missing",
		"it had not checked in for more than 30 days (last seen 2026-10-01)",
	]
	startswith(f.msg, "MacBook Air (Jonas Berg) (LT-0031) (used by jonas@example.com) in export EC-2026-11: full-disk encryption is off; ")
}

test_pass_latest_export_wins if {
	old := export("EC-2026-10", "2026-10-16T00:00:00Z", [object.union(good("LT-0031", "jonas@example.com"), {"encrypted": false})])
	count(check.deny) == 0 with data.facts as testing.facts([register, old, current]) with data.run as now
}

test_fail_stale_export if {
	old := export("EC-2026-10", "2026-10-16T00:00:00Z", [good("LT-0012", "priya@example.com"), good("LT-0031", "jonas@example.com")])
	findings := check.deny with data.facts as testing.facts([register, old]) with data.run as now
	{f.resource | some f in findings} == {"asset_register/IT-ASSETS#LT-0012", "asset_register/IT-ASSETS#LT-0031"}
	some f in findings
	f.msg == "MacBook Pro 14 (Priya Raman) (LT-0012) was last reported by device management on 2026-10-16 (export EC-2026-10), more than 31 days ago"
}

test_fail_unknown_device if {
	e := export("EC-2026-11", "2026-11-16T00:00:00Z", [good("LT-0012", "priya@example.com"), good("LT-0031", "jonas@example.com"), good("PC-HOME-7", "marco@example.com")])
	findings := check.deny with data.facts as testing.facts([register, e]) with data.run as now
	findings == {{
		"msg": "device PC-HOME-7 (used by marco@example.com) in export EC-2026-11 is not in the asset register",
		"resource": "endpoint_compliance/EC-2026-11#PC-HOME-7",
		"severity": "medium",
	}}
}

test_pass_judges_devices_and_their_reports if {
	judged := check.judged with data.facts as testing.facts([register, current]) with data.run as now
	judged == {
		"asset_register/IT-ASSETS#LT-0012", "asset_register/IT-ASSETS#LT-0031",
		"endpoint_compliance/EC-2026-11#LT-0012", "endpoint_compliance/EC-2026-11#LT-0031",
	}
	count(check.judged) == 0 with data.facts as testing.facts([register]) with data.run as now
}
