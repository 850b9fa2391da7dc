package annexa.controls.c8_26.application_requirements_test

import data.annexa.controls.c8_26.application_requirements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "SW-API", "name": "payments-api service", "type": "software", "status": "active"},
	{"id": "SW-PORTAL", "name": "merchant portal", "type": "software"},
	{"id": "DATA-X", "name": "ledger", "type": "information"},
]})

requirements(id, systems, attrs) := testing.evidence("document", id, object.union(
	{
		"topic": "application_security_requirements", "systems": systems,
		"approved_by": "priya@x", "approved_at": "2026-03-01T00:00:00Z", "due": "2027-03-01T00:00:00Z",
	},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_every_application_covered if {
	deny([assets, requirements("REQ-API", ["SW-API"], {}), requirements("REQ-PORTAL", ["Merchant Portal"], {})]) == set()
}

test_fail_application_without_requirements if {
	deny([assets, requirements("REQ-API", ["SW-API"], {})]) == {{
		"msg": "application merchant portal (SW-PORTAL) has no current security requirements: no approved application_security_requirements document inside its review period names it under systems",
		"resource": "asset_register/IT#SW-PORTAL",
		"details": {"application": "SW-PORTAL"},
	}}
}

test_fail_overdue_requirements if {
	fs := deny([assets, requirements("REQ-ALL", ["SW-API", "SW-PORTAL"], {"due": "2026-09-01T00:00:00Z"})])
	{f.resource | some f in fs} == {"document/REQ-ALL", "asset_register/IT#SW-API", "asset_register/IT#SW-PORTAL"}
}

test_fail_draft_does_not_cover if {
	fs := deny([assets, requirements("REQ-ALL", ["SW-API", "SW-PORTAL"], {"status": "draft"})])
	{f.resource | some f in fs} == {"asset_register/IT#SW-API", "asset_register/IT#SW-PORTAL"}
}

test_pass_no_applications if {
	deny([testing.evidence("asset_register", "IT", {"entries": []})]) == set()
}

test_pass_judges_applications_and_requirements if {
	judged := check.judged with data.facts as testing.facts([assets, requirements("REQ-API", ["SW-API", "SW-PORTAL"], {})]) with data.run as run
	judged == {"asset_register/IT#SW-API", "asset_register/IT#SW-PORTAL", "document/REQ-API"}
	count(check.judged) == 0 with data.facts as testing.facts([testing.evidence("asset_register", "IT", {"entries": []})]) with data.run as run
}
