package annexa.lib.suppliers_test

import data.annexa.lib.suppliers
import data.annexa.lib.testing

register := testing.evidence("supplier_register", "SUP", {"entries": [
	{"id": "aws", "name": "Amazon Web Services", "ict": true, "cloud": true, "criticality": "critical"},
	{"id": "cleanco", "name": "CleanCo", "ict": false, "criticality": "low"},
	{"id": "new", "name": "New Vendor"},
]})

test_listed_and_classified if {
	ss := suppliers.listed with data.facts as testing.facts([register])
	[suppliers.ref(s) | some s in ss] == ["supplier_register/SUP#aws", "supplier_register/SUP#cleanco", "supplier_register/SUP#new"]
	[suppliers.who(s) | some s in ss; suppliers.cloud(s)] == ["Amazon Web Services (aws)"]
	[s.entry.id | some s in ss; suppliers.ict(s)] == ["aws"]
	[suppliers.severity(s) | some s in ss] == ["high", "medium", "medium"]
	[suppliers.criticality(s) | some s in ss] == ["critical", "low", "unrated"]
}

test_register_missing_only_with_evidence if {
	other := testing.evidence("policy", "P", {"topic": "x"})
	[f.resource | some f in suppliers.register_missing] == ["missing:supplier_register"] with data.facts as testing.facts([other])
	count(suppliers.register_missing) == 0 with data.facts as testing.facts([])
	count(suppliers.register_missing) == 0 with data.facts as testing.facts([register])
}
