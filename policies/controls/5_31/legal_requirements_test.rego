package annexa.controls.c5_31.legal_requirements_test

import data.annexa.controls.c5_31.legal_requirements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("legal_register", "LEG", {"entries": entries})

req(id, attrs) := object.union({"id": id, "requirement": upper(id), "category": "regulatory", "reviewed_at": "2026-06-01T00:00:00Z", "compliant": true}, attrs)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_all_reviewed_and_compliant if {
	deny([register([req("psr", {}), req("gdpr", {"category": "privacy", "reviewed_at": "2025-11-20T00:00:00Z"})])]) == set()
}

test_fail_not_compliant if {
	deny([register([req("pci", {"category": "contractual", "compliant": false})])]) == {{
		"msg": "legal requirement pci (PCI): it is recorded as not complied with (compliant: false)",
		"resource": "legal_register/LEG#pci",
		"severity": "high",
		"details": {"requirement": "pci", "category": "contractual", "gaps": ["it is recorded as not complied with (compliant: false)"]},
	}}
}

test_fail_stale_and_unassessed if {
	fs := deny([register([object.remove(req("dora", {"reviewed_at": "2025-11-19T00:00:00Z"}), ["compliant"])])])
	[[f.severity, f.details.gaps] | some f in fs] == [["medium", [
		"compliance with it has not been assessed (compliant)",
		"it was last reviewed on 2025-11-19, more than 12 months ago",
	]]]
}

test_fail_never_reviewed if {
	fs := deny([register([object.remove(req("nis", {}), ["reviewed_at"])])])
	[f.details.gaps | some f in fs] == [["it has never been reviewed (reviewed_at)"]]
}

test_fail_review_dated_in_future if {
	fs := deny([register([req("nis", {"reviewed_at": "2026-12-01T00:00:00Z"})])])
	[f.details.gaps | some f in fs] == [["its review date 2026-12-01 is after the effective date"]]
}

test_fail_missing if {
	other := testing.evidence("policy", "P", {"topic": "privacy"})
	[f.resource | some f in deny([other])] == ["missing:legal_register"]
}

test_pass_judges_every_requirement if {
	check.judged == {"legal_register/LEG#psr"} with data.facts as testing.facts([register([req("psr", {})])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([])]) with data.run as run
}
