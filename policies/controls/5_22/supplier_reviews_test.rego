package annexa.controls.c5_22.supplier_reviews_test

import data.annexa.controls.c5_22.supplier_reviews as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("supplier_register", "SUP", {"entries": entries})

supplier(id, attrs) := object.union(
	{"id": id, "name": upper(id), "criticality": "critical", "assessed_at": "2026-04-14T00:00:00Z", "assessment_result": "pass", "monitored_at": "2026-10-02T00:00:00Z"},
	attrs,
)

low(id, attrs) := object.union({"id": id, "name": upper(id), "criticality": "low", "assessed_at": "2026-03-02T00:00:00Z"}, attrs)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_assessed_and_monitored if {
	deny([register([supplier("aws", {}), low("cleanco", {})])]) == set()
}

test_fail_assessment_14_months_old if {
	deny([register([supplier("paylink", {"assessed_at": "2025-09-12T00:00:00Z", "monitored_at": "2026-08-15T00:00:00Z"})])]) == {{
		"msg": "PAYLINK (paylink) was last assessed on 2025-09-12; the 12-monthly reassessment was due by 2026-09-12",
		"resource": "supplier_register/SUP#paylink",
		"severity": "high",
		"details": {"supplier": "paylink", "criticality": "critical", "assessed_at": "2025-09-12", "due": "2026-09-12"},
	}}
}

test_pass_assessed_exactly_12_months_ago if {
	deny([register([low("x", {"assessed_at": "2025-11-20T00:00:00Z"})])]) == set()
}

test_fail_assessed_12_months_and_a_day_ago if {
	fs := deny([register([low("x", {"assessed_at": "2025-11-19T00:00:00Z"})])])
	[[f.msg, f.severity] | some f in fs] == [["X (x) was last assessed on 2025-11-19; the 12-monthly reassessment was due by 2026-11-19", "medium"]]
}

test_fail_never_assessed if {
	fs := deny([register([{"id": "new", "name": "New Co", "criticality": "medium"}])])
	[f.msg | some f in fs] == ["New Co (new) has no security assessment on file (assessed_at)"]
}

test_fail_future_assessment_does_not_count if {
	fs := deny([register([low("x", {"assessed_at": "2026-12-01T00:00:00Z"})])])
	[f.msg | some f in fs] == ["X (x) has no security assessment on file (assessed_at)"]
}

test_fail_failed_assessment if {
	fs := deny([register([supplier("aws", {"assessment_result": "fail"})])])
	[f.msg | some f in fs] == ["the latest security assessment of AWS (aws), on 2026-04-14, failed"]
}

test_fail_critical_not_monitored_for_6_months if {
	fs := deny([register([supplier("github", {"criticality": "high", "assessed_at": "2026-02-20T00:00:00Z", "monitored_at": "2026-05-19T00:00:00Z"})])])
	[f.msg | some f in fs] == ["GITHUB (github) is rated high and was last monitored on 2026-05-19; its 6-monthly monitoring review was due by 2026-11-19"]
}

test_pass_recent_assessment_counts_as_monitoring if {
	deny([register([object.remove(supplier("aws", {"assessed_at": "2026-09-01T00:00:00Z"}), ["monitored_at"])])]) == set()
}

test_fail_critical_never_monitored_nor_assessed if {
	fs := deny([register([{"id": "p", "name": "P", "criticality": "critical"}])])
	[f.msg | some f in fs] == [
		"P (p) has no security assessment on file (assessed_at)",
		"P (p) is rated critical but has no monitoring review or assessment on file",
	]
}

test_pass_low_supplier_needs_no_monitoring if {
	deny([register([low("cleanco", {})])]) == set()
}

test_fail_register_missing if {
	other := testing.evidence("policy", "POL", {"topic": "supplier_security"})
	[f.resource | some f in deny([other])] == ["missing:supplier_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_every_supplier if {
	judged := check.judged with data.facts as testing.facts([register([supplier("aws", {}), low("cleanco", {})])]) with data.run as run
	judged == {"supplier_register/SUP#aws", "supplier_register/SUP#cleanco"}
	count(check.judged) == 0 with data.facts as testing.facts([register([])]) with data.run as run
}
