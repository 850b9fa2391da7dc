package annexa.lib.data_handling_test

import data.annexa.lib.data_handling
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "DATA-A", "name": "Customers", "type": "information", "status": "active"},
	{"id": "DATA-OLD", "name": "Old CRM export", "type": "information", "status": "disposed"},
	{"id": "SW-1", "name": "app", "type": "software"},
]})

register(id, entries) := testing.evidence("data_handling_register", id, {
	"approved_by": "dpo@example.com",
	"approved_at": "2026-06-01T00:00:00Z",
	"review_interval": "P12M",
	"due": "2027-06-01T00:00:00Z",
	"entries": entries,
})

test_data_sets_are_information_in_use if {
	ds := data_handling.data_sets with data.facts as testing.facts([assets])
	[a.entry.id | some a in ds] == ["DATA-A"]
}

test_rules_first_entry_wins if {
	r1 := register("DH-1", [{"asset": "DATA-A", "retention": "P1Y"}])
	r2 := register("DH-2", [{"asset": "DATA-A", "retention": "P7Y"}])
	rules := data_handling.rules with data.facts as testing.facts([r1, r2])
	rules["DATA-A"].entry.retention == "P1Y"
}

test_register_findings if {
	count(data_handling.register_findings) == 0 with data.facts as testing.facts([register("DH", [])]) with data.run as now
	missing := data_handling.register_findings with data.facts as testing.facts([assets]) with data.run as now
	{f.resource | some f in missing} == {"missing:data_handling_register"}
	count(data_handling.register_findings) == 0 with data.facts as testing.facts([]) with data.run as now
	draft := object.union(register("DH", []), {"attributes": {"status": "draft"}})
	stale := data_handling.register_findings with data.facts as testing.facts([draft]) with data.run as now
	{f.msg | some f in stale} == {"data handling register DH cannot be relied on: its status is draft"}
}

test_judged if {
	data_handling.judged == {"data_handling_register/DH", "asset_register/IT#DATA-A"} with data.facts as testing.facts([assets, register("DH", [])])
	data_handling.judged == set() with data.facts as testing.facts([assets])
}
