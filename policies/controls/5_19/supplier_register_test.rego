package annexa.controls.c5_19.supplier_register_test

import data.annexa.controls.c5_19.supplier_register as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "coo@example.com", "approved_at": "2026-07-01T00:00:00Z", "due": "2027-01-01T00:00:00Z"}

register(entries) := testing.evidence("supplier_register", "SUP", object.union(approval, {"entries": entries}))

aws := {"id": "aws", "name": "Amazon Web Services", "ict": true, "cloud": true, "criticality": "critical"}

cleanco := {"id": "cleanco", "name": "CleanCo", "ict": false, "criticality": "low"}

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_all_classified if {
	deny([register([aws, cleanco])]) == set()
}

test_fail_unrated_supplier if {
	deny([register([aws, {"id": "acme-saas", "name": "Acme SaaS", "ict": true}])]) == {{
		"msg": "the supplier register does not classify Acme SaaS (acme-saas): it does not state whether its ICT service is a cloud service (cloud); it has no criticality rating",
		"resource": "supplier_register/SUP#acme-saas",
		"details": {"supplier": "acme-saas", "gaps": [
			"it does not state whether its ICT service is a cloud service (cloud)",
			"it has no criticality rating",
		]},
	}}
}

test_fail_ict_not_stated if {
	fs := deny([register([{"id": "x", "name": "X Ltd", "criticality": "medium"}])])
	[f.details.gaps | some f in fs] == [["it does not state whether it supplies ICT products or services (ict)"]]
}

test_pass_non_ict_without_cloud_flag if {
	deny([register([cleanco])]) == set()
}

test_fail_register_overdue if {
	r := testing.evidence("supplier_register", "SUP", object.union(approval, {"due": "2026-10-01T00:00:00Z", "entries": [aws]}))
	[f.msg | some f in deny([r])] == ["supplier register SUP cannot be relied on: its review was due on 2026-10-01"]
}

test_fail_empty_register if {
	[f.msg | some f in deny([register([])])] == ["supplier register SUP lists no suppliers"]
}

test_fail_register_missing if {
	other := testing.evidence("policy", "POL", {"topic": "supplier_security"})
	[f.resource | some f in deny([other])] == ["missing:supplier_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_register if {
	check.judged == {"supplier_register/SUP"} with data.facts as testing.facts([register([aws, cleanco])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
