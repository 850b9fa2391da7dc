package annexa.controls.c8_7.endpoint_protection_test

import data.annexa.controls.c8_7.endpoint_protection as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

register := testing.evidence("asset_register", "IT-ASSETS", {"entries": [
	{"id": "LT-0012", "name": "MacBook Pro 14 (Priya Raman)", "type": "hardware", "assigned_to": "priya@example.com"},
	{"id": "LT-0021", "name": "MacBook Air (Aiko Tanaka)", "type": "hardware", "assigned_to": "aiko@example.com"},
]})

export(date, entries) := testing.evidence("endpoint_compliance", "EC-2026-11", {"performed_at": date, "entries": entries})

test_pass_protected if {
	e := export("2026-11-16T00:00:00Z", [{"device": "LT-0012", "endpoint_protection": true}, {"device": "LT-0021", "endpoint_protection": true}])
	count(check.deny) == 0 with data.facts as testing.facts([register, e]) with data.run as now
}

test_fail_protection_off_and_unrecorded if {
	e := export("2026-11-16T00:00:00Z", [{"device": "LT-0012", "endpoint_protection": false}, {"device": "LT-0021"}])
	findings := check.deny with data.facts as testing.facts([register, e]) with data.run as now
	{f.msg | some f in findings} == {
		"MacBook Pro 14 (Priya Raman) (LT-0012) in export EC-2026-11 has no active malware protection (endpoint_protection is false)",
		"MacBook Air (Aiko Tanaka) (LT-0021) in export EC-2026-11 does not show whether malware protection is active (endpoint_protection is not recorded)",
	}
}

test_fail_coverage_gap if {
	e := export("2026-11-16T00:00:00Z", [{"device": "LT-0012", "endpoint_protection": true}])
	findings := check.deny with data.facts as testing.facts([register, e]) with data.run as now
	{f.resource | some f in findings} == {"asset_register/IT-ASSETS#LT-0021"}
}

test_fail_stale if {
	e := export("2026-09-30T00:00:00Z", [{"device": "LT-0012", "endpoint_protection": true}, {"device": "LT-0021", "endpoint_protection": true}])
	count(check.deny) == 2 with data.facts as testing.facts([register, e]) with data.run as now
}

test_fail_missing_export if {
	findings := check.deny with data.facts as testing.facts([register]) with data.run as now
	{f.resource | some f in findings} == {"missing:endpoint_compliance"}
}

test_pass_judges_devices_and_their_reports if {
	e := export("2026-11-16T00:00:00Z", [{"device": "LT-0012", "endpoint_protection": true}, {"device": "LT-0021", "endpoint_protection": true}])
	count(check.judged) == 4 with data.facts as testing.facts([register, e]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([register]) with data.run as now
}
