package annexa.controls.c8_13.backup_restore_tests_test

import data.annexa.controls.c8_13.backup_restore_tests as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

restore(id, system, performed, attrs) := testing.evidence("backup_restore_test", id, object.union(
	{
		"system": system,
		"performed_at": performed,
		"result": "pass",
		"restore_hours": 1.5,
		"rto_hours": 4,
	},
	attrs,
))

test_pass_recent_within_rto if {
	r := restore("RT-DB-Q3", "payments database", "2026-09-14T00:00:00Z", {"interval": "P6M", "due": "2027-03-14T00:00:00Z"})
	count(check.deny) == 0 with data.facts as testing.facts([r]) with data.run as now
}

test_fail_overdue_interval if {
	r := restore("RT-DB-Q1", "payments database", "2026-03-10T00:00:00Z", {"interval": "P6M", "due": "2026-09-10T00:00:00Z"})
	check.deny == {{
		"msg": "the backups of payments database were last restored in a test on 2026-03-10 (RT-DB-Q1); the next test is overdue",
		"resource": "backup_restore_test/RT-DB-Q1",
	}} with data.facts as testing.facts([r])
		with data.run as now
}

test_fail_default_twelve_months if {
	r := restore("RT-S3-2025", "document store", "2025-11-19T00:00:00Z", {})
	count(check.deny) == 1 with data.facts as testing.facts([r]) with data.run as now
}

test_pass_twelve_months_boundary if {
	r := restore("RT-S3-2025", "document store", "2025-11-20T00:00:00Z", {})
	count(check.deny) == 0 with data.facts as testing.facts([r]) with data.run as now
}

test_fail_latest_failed_and_slow if {
	old := restore("RT-DB-Q2", "payments database", "2026-06-10T00:00:00Z", {})
	new := restore("RT-DB-Q3", "payments database", "2026-09-14T00:00:00Z", {"result": "fail", "restore_hours": 6})
	findings := check.deny with data.facts as testing.facts([old, new]) with data.run as now
	{f.msg | some f in findings} == {
		"the latest restore test of payments database (RT-DB-Q3, 2026-09-14) failed",
		"the latest restore test of payments database (RT-DB-Q3) took 6 hours, more than its recovery time objective of 4 hours",
	}
}

test_pass_failed_test_superseded if {
	old := restore("RT-DB-Q2", "payments database", "2026-06-10T00:00:00Z", {"result": "fail"})
	new := restore("RT-DB-Q3", "payments database", "2026-09-14T00:00:00Z", {})
	count(check.deny) == 0 with data.facts as testing.facts([old, new]) with data.run as now
}

test_fail_missing if {
	other := testing.evidence("policy", "POL-BCK", {"topic": "backup"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:backup_restore_test"}
}

test_pass_judges_the_latest_tests if {
	old := restore("RT-DB-Q1", "payments database", "2026-03-14T00:00:00Z", {})
	new := restore("RT-DB-Q3", "payments database", "2026-09-14T00:00:00Z", {})
	check.judged == {"backup_restore_test/RT-DB-Q3"} with data.facts as testing.facts([old, new]) with data.run as now
	count(check.judged) == 0 with data.facts as testing.facts([restore("RT-X", "x", "2027-01-01T00:00:00Z", {})]) with data.run as now
}
