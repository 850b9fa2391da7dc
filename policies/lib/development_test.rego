package annexa.lib.development_test

import data.annexa.lib.development
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

test_applications_are_software_in_use if {
	reg := testing.evidence("asset_register", "A", {"entries": [
		{"id": "SW-API", "name": "payments-api", "type": "software", "status": "active"},
		{"id": "SW-OLD", "name": "legacy portal", "type": "software", "status": "retired"},
		{"id": "SW-CLI", "name": "ops cli", "type": "software"},
		{"id": "LT-1", "name": "laptop", "type": "hardware", "status": "active"},
	]})
	{a.entry.id | some a in development.applications} == {"SW-API", "SW-CLI"} with data.facts as testing.facts([reg])
}

test_refers_to_by_id_or_name if {
	asset := {"id": "SW-API", "name": "payments-api service"}
	development.refers_to("sw-api", asset)
	development.refers_to(" Payments-API service", asset)
	not development.refers_to("payments", asset)
}

test_developers if {
	reg := testing.evidence("personnel_register", "HR", {"entries": [
		{"id": "a@x", "name": "A", "role": "Backend Engineer", "department": "Engineering", "start_date": "2020-01-01T00:00:00Z"},
		{"id": "b@x", "name": "B", "role": "Site Reliability Engineer", "department": "Platform", "start_date": "2020-01-01T00:00:00Z"},
		{"id": "c@x", "name": "C", "role": "Finance Manager", "department": "Finance", "start_date": "2020-01-01T00:00:00Z"},
		{"id": "d@x", "name": "D", "role": "Frontend Developer", "department": "Product", "start_date": "2020-01-01T00:00:00Z", "end_date": "2026-01-31T00:00:00Z"},
		{"id": "e@x", "name": "E", "role": "Chief Executive Officer", "department": "Executive", "start_date": "2020-01-01T00:00:00Z"},
	]})
	{p.entry.id | some p in development.developers} == {"a@x", "b@x"} with data.facts as testing.facts([reg]) with data.run as run
}
