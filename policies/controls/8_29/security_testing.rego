# METADATA
# title: Applications security tested within 12 months, failures retested
# description: |
#   Every application in the asset register (a software asset in use) had
#   a security test (security_test record naming it by asset id or name as
#   its system) in the last 12 months. For each system and kind of test
#   (penetration_test, dast, sast, dependency_scan, code_review,
#   acceptance, vulnerability_scan), the latest test did not fail and left
#   no high or critical finding open (open_findings): a failed test counts
#   until a later test of the same kind passes. Tests dated after the
#   effective time do not count. Without applications in the asset register
#   and without any security test, when evidence is declared, the records
#   are missing. Whether the tests covered the security requirements of
#   each release is for the auditor to sample.
# custom:
#   controls: ["8.29"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:security_test", "evidence:asset_register"]
#   remediation: |
#     Test each application's security at least yearly (a penetration test
#     or DAST against the running system, plus SAST and dependency scans in
#     the pipeline), fix what fails and retest, and record each test with
#     its system, type, date and result.
package annexa.controls.c8_29.security_testing

import data.annexa.lib.development
import data.annexa.lib.evidence
import data.annexa.lib.periodic

months := 12

deny contains evidence.missing("security_test", "security test records") if {
	evidence.declared
	count(development.applications) == 0
	count(evidence.records("security_test")) == 0
}

deny contains f if {
	some a in development.applications
	tests := [r | some n in development.names(a.entry); some r in object.get(by_system, n, set())]
	not tested_within(tests, months)
	f := {
		"msg": sprintf("application %s has had no security test in the last %d months%s", [development.who(a), months, latest_note(tests)]),
		"resource": development.ref(a),
		"details": {"application": a.entry.id},
	}
}

deny contains f if {
	some rs in by_kind
	last := periodic.latest_record(rs, "performed_at")
	last.attributes.result == "fail"
	f := {
		"msg": sprintf("the latest %s of %s, %s on %s, failed and has not been repeated with a pass", [type_name(last), last.attributes.system, last.attributes.id, evidence.day(last.attributes.performed_at)]),
		"resource": last.id,
		"details": {"system": last.attributes.system, "test_type": last.attributes.test_type, "result": "fail"},
	}
}

deny contains f if {
	some rs in by_kind
	last := periodic.latest_record(rs, "performed_at")
	last.attributes.result != "fail"
	last.attributes.open_findings > 0
	f := {
		"msg": sprintf("the latest %s of %s, %s on %s, left %d high or critical findings open", [type_name(last), last.attributes.system, last.attributes.id, evidence.day(last.attributes.performed_at), last.attributes.open_findings]),
		"resource": last.id,
		"severity": "medium",
		"details": {"system": last.attributes.system, "test_type": last.attributes.test_type, "open_findings": last.attributes.open_findings},
	}
}

# done lists the security tests performed by now.
done := [r |
	some r in evidence.records("security_test")
	not evidence.in_future(r.attributes.performed_at)
]

# by_system groups the tests by the lower-case system they name.
by_system := {k: {v | some [k2, v] in by_system_pairs; k2 == k} | some k in {x | some [x, _] in by_system_pairs}}

by_system_pairs contains [system, r] if {
	some r in done
	system := lower(trim_space(r.attributes.system))
}

# by_kind groups the tests by system and kind of test.
by_kind := {k: {v | some [k2, v] in by_kind_pairs; k2 == k} | some k in {x | some [x, _] in by_kind_pairs}}

by_kind_pairs contains [[system, r.attributes.test_type], r] if {
	some r in done
	system := lower(trim_space(r.attributes.system))
}

tested_within(tests, m) if {
	some r in tests
	periodic.within(r.attributes.performed_at, m)
}

latest_note(tests) := sprintf(" (the latest, %s, was on %s)", [last.attributes.id, evidence.day(last.attributes.performed_at)]) if {
	last := periodic.latest_record(tests, "performed_at")
} else := " (none on record)"

type_name(r) := replace(r.attributes.test_type, "_", " ")

# judged are the applications in use and the latest test of each kind of
# each system.
judged := {development.ref(a) | some a in development.applications} | {periodic.latest_record(rs, "performed_at").id |
	some rs in by_kind
}
