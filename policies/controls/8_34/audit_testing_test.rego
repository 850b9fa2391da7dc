package annexa.controls.c8_34.audit_testing_test

import data.annexa.controls.c8_34.audit_testing as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

pentest(attrs) := testing.evidence("security_test", "PT-2026", object.union(
	{
		"system": "payments-api", "test_type": "penetration_test", "performed_at": "2026-05-11T00:00:00Z",
		"result": "pass", "environment": "production", "tester": "Halden Security Consulting Ltd",
		"testing_agreed_by": "priya@x", "testing_agreed_at": "2026-04-27T00:00:00Z",
	},
	attrs,
))

audit(attrs) := testing.evidence("internal_audit", "IA-1", object.union(
	{"performed_at": "2026-03-16T00:00:00Z", "auditor": "fatima@x", "technical_testing": true, "testing_agreed_by": "sam@x", "testing_agreed_at": "2026-03-02T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_agreed_beforehand if {
	deny([pentest({}), audit({})]) == set()
}

test_pass_agreed_same_day if {
	deny([pentest({"testing_agreed_at": "2026-05-11T00:00:00Z"})]) == set()
}

test_pass_not_production_or_not_technical if {
	deny([
		testing.evidence("security_test", "ST", {"system": "x", "test_type": "dast", "performed_at": "2026-05-11T00:00:00Z", "result": "pass", "environment": "staging"}),
		testing.evidence("internal_audit", "IA-2", {"performed_at": "2026-03-16T00:00:00Z", "auditor": "fatima@x"}),
	]) == set()
}

test_fail_no_agreement if {
	p := testing.evidence("security_test", "PT-2026", {"system": "payments-api", "test_type": "penetration_test", "performed_at": "2026-05-11T00:00:00Z", "result": "pass", "environment": "production"})
	deny([p]) == {{
		"msg": "penetration test of production PT-2026 on 2026-05-11 tested operational systems without a recorded agreement with management (testing_agreed_by, testing_agreed_at)",
		"resource": "security_test/PT-2026",
	}}
}

test_fail_agreed_afterwards if {
	[f.msg | some f in deny([audit({"testing_agreed_at": "2026-03-20T00:00:00Z"})])] == ["technical audit IA-1 was performed on 2026-03-16 but only agreed on 2026-03-20"]
}

test_fail_auditor_agreed_own_test if {
	[f.msg | some f in deny([audit({"testing_agreed_by": "Fatima@x"})])] == ["technical audit IA-1 was agreed by Fatima@x, who also performed it"]
}

test_pass_future_audit_not_judged if {
	deny([audit({"performed_at": "2027-01-10T00:00:00Z", "testing_agreed_by": null, "testing_agreed_at": null})]) == set()
}

test_pass_judges_tests_of_operational_systems if {
	check.judged == {"security_test/PT-2026", "internal_audit/IA-1"} with data.facts as testing.facts([pentest({}), audit({})]) with data.run as run
	other := [
		testing.evidence("security_test", "ST", {"system": "x", "test_type": "dast", "performed_at": "2026-05-11T00:00:00Z", "result": "pass", "environment": "staging"}),
		testing.evidence("internal_audit", "IA-2", {"performed_at": "2026-03-16T00:00:00Z", "auditor": "fatima@x"}),
	]
	count(check.judged) == 0 with data.facts as testing.facts(other) with data.run as run
}
