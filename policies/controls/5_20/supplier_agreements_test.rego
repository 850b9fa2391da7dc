package annexa.controls.c5_20.supplier_agreements_test

import data.annexa.controls.c5_20.supplier_agreements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("supplier_register", "SUP", {"entries": entries})

full := {"signed_at": "2023-01-10T00:00:00Z", "security_clauses": true, "incident_notification": true, "right_to_audit": true}

supplier(id, attrs) := object.union({"id": id, "name": upper(id), "ict": true, "cloud": true, "criticality": "high", "agreement": full}, attrs)

# bare is a supplier whose agreement is exactly a (object.union would merge
# a into the full agreement).
bare(id, attrs, a) := object.union(object.remove(supplier(id, attrs), ["agreement"]), {"agreement": a})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_complete_agreements if {
	deny([register([
		supplier("aws", {"criticality": "critical"}),
		bare("github", {}, object.remove(full, ["right_to_audit"])),
		bare("cleanco", {"ict": false, "criticality": "low"}, {"signed_at": "2024-02-01T00:00:00Z", "security_clauses": true}),
	])]) == set()
}

test_fail_no_agreement if {
	deny([register([object.remove(supplier("acme", {"criticality": "low"}), ["agreement"])])]) == {{
		"msg": "no agreement with ACME (acme) is recorded in the supplier register",
		"resource": "supplier_register/SUP#acme",
		"severity": "medium",
		"details": {"supplier": "acme", "criticality": "low"},
	}}
}

test_fail_every_gap_listed if {
	deny([register([bare("paylink", {"criticality": "critical"}, {"expires": "2026-11-19T00:00:00Z"})])]) == {{
		"msg": "the agreement with PAYLINK (paylink) falls short: it does not oblige this ICT supplier to notify security incidents; it expired on 2026-11-19; it gives no right to audit this critical supplier; it has no information security clauses; it is not signed (no signed_at)",
		"resource": "supplier_register/SUP#paylink",
		"severity": "high",
		"details": {"supplier": "paylink", "criticality": "critical", "gaps": [
			"it does not oblige this ICT supplier to notify security incidents",
			"it expired on 2026-11-19",
			"it gives no right to audit this critical supplier",
			"it has no information security clauses",
			"it is not signed (no signed_at)",
		]},
	}}
}

test_fail_security_clauses_false if {
	fs := deny([register([supplier("x", {"agreement": object.union(full, {"security_clauses": false})})])])
	[f.details.gaps | some f in fs] == [["it has no information security clauses"]]
}

test_fail_signed_in_future if {
	fs := deny([register([supplier("x", {"agreement": object.union(full, {"signed_at": "2026-12-01T00:00:00Z"})})])])
	[f.details.gaps | some f in fs] == [["its signature date 2026-12-01 is after the effective date"]]
}

test_pass_expires_today if {
	deny([register([supplier("x", {"agreement": object.union(full, {"expires": "2026-11-20T00:00:00Z"})})])]) == set()
}

test_pass_non_ict_without_notification if {
	deny([register([bare("x", {"ict": false, "criticality": "medium"}, {"signed_at": "2024-01-01T00:00:00Z", "security_clauses": true})])]) == set()
}

test_fail_register_missing if {
	other := testing.evidence("policy", "POL", {"topic": "supplier_security"})
	[f.resource | some f in deny([other])] == ["missing:supplier_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_every_supplier if {
	check.judged == {"supplier_register/SUP#aws"} with data.facts as testing.facts([register([supplier("aws", {})])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([])]) with data.run as run
}
