package annexa.controls.c5_21.ict_supply_chain_test

import data.annexa.controls.c5_21.ict_supply_chain as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("supplier_register", "SUP", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_ict_suppliers_bound if {
	deny([register([
		{"id": "aws", "name": "AWS", "ict": true, "criticality": "critical", "supply_chain_requirements": true},
		{"id": "cleanco", "name": "CleanCo", "ict": false, "criticality": "low"},
	])]) == set()
}

test_fail_requirements_false if {
	deny([register([{"id": "paylink", "name": "PayLink", "ict": true, "criticality": "critical", "supply_chain_requirements": false}])]) == {{
		"msg": "ICT supplier PayLink (paylink) is not required to pass security requirements down its supply chain (supply_chain_requirements is false)",
		"resource": "supplier_register/SUP#paylink",
		"severity": "high",
		"details": {"supplier": "paylink", "criticality": "critical"},
	}}
}

test_fail_requirements_not_recorded if {
	fs := deny([register([{"id": "saas", "name": "SaaS Co", "ict": true, "criticality": "low"}])])
	[[f.msg, f.severity] | some f in fs] == [["ICT supplier SaaS Co (saas) has no supply chain security requirements recorded (supply_chain_requirements)", "medium"]]
}

test_fail_register_missing if {
	other := testing.evidence("policy", "POL", {"topic": "supplier_security"})
	[f.resource | some f in deny([other])] == ["missing:supplier_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_ict_suppliers_only if {
	aws := {"id": "aws", "name": "AWS", "ict": true, "criticality": "critical", "supply_chain_requirements": true}
	cleanco := {"id": "cleanco", "name": "CleanCo", "ict": false, "criticality": "low"}
	check.judged == {"supplier_register/SUP#aws"} with data.facts as testing.facts([register([aws, cleanco])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([cleanco])]) with data.run as run
}
