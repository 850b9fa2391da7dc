# METADATA
# title: Backups are restored in a test on schedule, successfully and within the RTO
# description: |
#   For each system whose backups are restore-tested (backup_restore_test
#   records, grouped by system), the latest test is not overdue (its
#   interval or review_interval after it was performed, or 12 months when
#   it states neither), did not fail, and restored within the recovery time
#   objective when it records both restore_hours and rto_hours. With
#   evidence declared but no restore test on file, the tests are reported
#   missing. Which systems must be tested is the backup policy's decision
#   and is not judged here.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:backup_restore_test"]
#   remediation: |
#     Restore each critical system from its backups into an isolated
#     environment at the interval the backup policy sets, verify the data,
#     time the restore against the RTO and record the test (system,
#     performed_at, result, restore_hours, rto_hours, interval).
package annexa.controls.c8_13.backup_restore_tests

import data.annexa.lib.evidence

default_months := 12

tests := [r |
	some r in evidence.records("backup_restore_test")
	not evidence.inactive(r)
	not evidence.in_future(r.attributes.performed_at)
]

deny contains evidence.missing("backup_restore_test", "backup restore test") if {
	evidence.declared
	count(tests) == 0
}

# latest maps each system to its most recent test (of two on the same day,
# the one with the lower id).
latest := {system: r |
	some system in {t.attributes.system | some t in tests}
	of := [t | some t in tests; t.attributes.system == system]
	last := evidence.latest([t.attributes.performed_at | some t in of])
	r := [t | some t in of; t.attributes.performed_at == last][0]
}

deny contains finding if {
	some system, r in latest
	overdue(r)
	finding := {
		"msg": sprintf("the backups of %s were last restored in a test on %s (%s); the next test is overdue", [system, evidence.day(r.attributes.performed_at), r.attributes.id]),
		"resource": r.id,
	}
}

deny contains finding if {
	some system, r in latest
	r.attributes.result == "fail"
	finding := {
		"msg": sprintf("the latest restore test of %s (%s, %s) failed", [system, r.attributes.id, evidence.day(r.attributes.performed_at)]),
		"resource": r.id,
		"severity": "high",
	}
}

deny contains finding if {
	some system, r in latest
	r.attributes.restore_hours > r.attributes.rto_hours
	finding := {
		"msg": sprintf("the latest restore test of %s (%s) took %v hours, more than its recovery time objective of %v hours", [system, r.attributes.id, r.attributes.restore_hours, r.attributes.rto_hours]),
		"resource": r.id,
	}
}

overdue(r) if evidence.overdue(r)

overdue(r) if {
	not r.attributes.due
	evidence.older_than(r.attributes.performed_at, default_months)
}

# judged are the latest restore tests of each system.
judged := {r.id | some _, r in latest}
