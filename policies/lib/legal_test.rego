package annexa.lib.legal_test

import data.annexa.lib.legal
import data.annexa.lib.testing

register(entries) := testing.evidence("legal_register", "LEG", {"entries": entries})

test_category_findings if {
	facts := testing.facts([register([
		{"id": "L1", "requirement": "UK GDPR", "category": "privacy", "compliant": true},
		{"id": "L2", "requirement": "PECR", "category": "privacy", "compliant": false},
		{"id": "L3", "requirement": "DPA 2018", "category": "privacy"},
		{"id": "L4", "requirement": "PCI DSS", "category": "contractual", "compliant": false},
	])])
	fs := legal.category_findings("privacy", "privacy") with data.facts as facts
	[[f.resource, f.severity, f.msg] | some f in fs] == [
		["legal_register/LEG#L2", "high", "privacy requirement L2 (PECR): it is recorded as not complied with (compliant: false)"],
		["legal_register/LEG#L3", "medium", "privacy requirement L3 (DPA 2018): compliance with it has not been assessed (compliant)"],
	]
	legal.category_findings("records", "records retention") == {{
		"msg": "the legal register lists no records retention requirements (category records)",
		"resource": "legal_register/LEG",
	}} with data.facts as facts
}

test_category_findings_without_register if {
	other := testing.evidence("policy", "P", {"topic": "privacy"})
	[f.resource | some f in legal.category_findings("privacy", "privacy")] == ["missing:legal_register"] with data.facts as testing.facts([other])
	legal.category_findings("privacy", "privacy") == set() with data.facts as testing.facts([])
}

test_category_judged if {
	facts := testing.facts([testing.evidence("legal_register", "LEG", {"entries": [
		{"id": "GDPR", "requirement": "UK GDPR", "category": "privacy"},
		{"id": "PCI", "requirement": "PCI DSS", "category": "contractual"},
	]})])
	legal.category_judged("privacy") == {"legal_register/LEG#GDPR"} with data.facts as facts
	legal.category_judged("records") == set() with data.facts as facts
}
