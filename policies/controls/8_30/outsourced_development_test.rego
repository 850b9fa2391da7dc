package annexa.controls.c8_30.outsourced_development_test

import data.annexa.controls.c8_30.outsourced_development as check
import data.annexa.lib.testing

register(entries) := testing.evidence("supplier_register", "SUP", {"entries": entries})

devshop(agreement) := {"id": "devshop", "name": "DevShop Ltd", "ict": true, "criticality": "high", "development": true, "agreement": agreement}

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list)
}

test_pass_contract_requires_secure_development if {
	deny([register([
		devshop({"signed_at": "2025-01-01T00:00:00Z", "security_clauses": true, "secure_development": true, "right_to_audit": true}),
		{"id": "cleanco", "name": "CleanCo", "ict": false},
	])]) == set()
}

test_fail_no_secure_development_clause if {
	deny([register([devshop({"security_clauses": true, "right_to_audit": true})])]) == {{
		"msg": "DevShop Ltd (devshop) develops for the organisation but its agreement sets no secure development requirements (secure_development)",
		"resource": "supplier_register/SUP#devshop",
		"severity": "high",
		"details": {"supplier": "devshop", "criticality": "high", "gaps": ["its agreement sets no secure development requirements (secure_development)"]},
	}}
}

test_fail_no_agreement_at_all if {
	entry := object.remove(devshop({}), ["agreement", "criticality"])
	fs := deny([register([entry])])
	[f.severity | some f in fs] == ["medium"]
	[count(f.details.gaps) | some f in fs] == [2]
}

test_pass_non_development_suppliers_not_judged if {
	deny([register([{"id": "aws", "name": "AWS", "ict": true, "criticality": "critical", "agreement": {"security_clauses": true}}])]) == set()
}

test_fail_register_missing if {
	other := testing.evidence("policy", "P", {"topic": "secure_development"})
	[f.resource | some f in deny([other])] == ["missing:supplier_register"]
}

test_pass_judges_development_suppliers_only if {
	check.judged == {"supplier_register/SUP#devshop"} with data.facts as testing.facts([register([devshop({}), {"id": "cleanco", "name": "CleanCo", "ict": false}])])
	count(check.judged) == 0 with data.facts as testing.facts([register([{"id": "aws", "name": "AWS", "ict": true}])])
}
