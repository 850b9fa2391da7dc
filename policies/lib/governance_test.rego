package annexa.lib.governance_test

import data.annexa.lib.governance
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approved := {
	"approved_by": "dana@example.com",
	"approved_at": "2026-03-02T00:00:00Z",
	"due": "2027-03-02T00:00:00Z",
	"communicated_at": "2026-03-04T00:00:00Z",
}

policy(id, topic, attrs) := testing.evidence("policy", id, object.union({"topic": topic}, attrs))

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "dana@example.com", "name": "Dana Okafor", "start_date": "2019-03-01T00:00:00Z"},
	{"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
	{"id": "jonas@example.com", "start_date": "2026-12-01T00:00:00Z"},
]})

test_register_findings if {
	current := testing.evidence("contact_register", "C1", approved)
	stale := testing.evidence("contact_register", "C2", object.union(approved, {"due": "2026-01-01T00:00:00Z"}))
	governance.register_findings("contact_register", "contact register") == set() with data.facts as testing.facts([current])
		with data.run as run
	fs := governance.register_findings("contact_register", "contact register") with data.facts as testing.facts([current, stale])
		with data.run as run
	[f.resource | some f in fs] == ["contact_register/C2"]
	missing := governance.register_findings("contact_register", "contact register") with data.facts as testing.facts([people])
		with data.run as run
	[f.resource | some f in missing] == ["missing:contact_register"]
}

test_person_status if {
	facts := testing.facts([people])
	not governance.person_status("dana@example.com") with data.facts as facts with data.run as run
	governance.person_status("kevin@example.com") == "who left on 2026-08-29" with data.facts as facts with data.run as run
	governance.person_status("jonas@example.com") == "who does not start until 2026-12-01" with data.facts as facts with data.run as run
	governance.person_status("eve@example.com") == "who is not in the personnel register" with data.facts as facts with data.run as run
}

test_person_status_duplicate_entries if {
	rehired := testing.evidence("personnel_register", "HR", {"entries": [
		{"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2024-08-29T00:00:00Z"},
		{"id": "kevin@example.com", "start_date": "2025-03-01T00:00:00Z"},
		{"id": "nadia@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2024-08-29T00:00:00Z"},
		{"id": "nadia@example.com", "start_date": "2025-03-01T00:00:00Z", "end_date": "2026-05-31T00:00:00Z"},
	]})
	facts := testing.facts([rehired])
	not governance.person_status("kevin@example.com") with data.facts as facts with data.run as run
	governance.person_status("nadia@example.com") == "who left on 2026-05-31" with data.facts as facts with data.run as run
}

test_same_person if {
	facts := testing.facts([people])
	governance.same_person("Dana@Example.com", "dana@example.com") with data.facts as facts
	governance.same_person("dana okafor", "dana@example.com") with data.facts as facts
	not governance.same_person("Sam Keller", "dana@example.com") with data.facts as facts
}

test_role_functions if {
	governance.functions({"role": "CISO"}) == {"security_manager"}
	governance.functions({"role": "Top management sponsor"}) == {"top_management"}
	governance.functions({"role": "Risk owner (platform)"}) == {"risk_owner"}
	governance.functions({"role": "Incident manager"}) == {"incident_manager"}
	governance.functions({"role": "Head of Security and incident coordinator"}) == {"security_manager", "incident_manager"}
	governance.functions({"role": "Production deployer"}) == set()
	governance.functions({"role": "Chief Executive", "function": "other"}) == {"other"}
	governance.functions({"role": "Security Champion", "function": "security_manager"}) == {"security_manager"}
}

test_holders if {
	roles := testing.evidence("role_register", "R", {"entries": [
		{"role": "Risk owner (platform)", "holder": "a@example.com"},
		{"role": "Risk owner (operations)", "holder": "b@example.com"},
		{"role": "CISO", "holder": "c@example.com"},
	]})
	governance.holders("risk_owner") == {"a@example.com", "b@example.com"} with data.facts as testing.facts([roles])
	governance.holders("incident_manager") == set() with data.facts as testing.facts([roles])
}

test_active_assets_and_levels if {
	assets := testing.evidence("asset_register", "A", {"entries": [
		{"id": "A1", "name": "a", "type": "information", "status": "active"},
		{"id": "A2", "name": "b", "type": "information"},
		{"id": "A3", "name": "c", "type": "hardware", "status": "disposed"},
	]})
	scheme := policy("CLS", "information_classification", object.union(approved, {"classification_levels": ["Public", "Internal"]}))
	draft := policy("CLS-2", "information_classification", {"status": "draft", "classification_levels": ["Secret"]})
	facts := testing.facts([assets, scheme, draft])
	[e.entry.id | some e in governance.active_assets] == ["A1", "A2"] with data.facts as facts
	governance.classification_scheme == ["Public", "Internal"] with data.facts as facts
	governance.classification_levels == {"public", "internal"} with data.facts as facts
}
