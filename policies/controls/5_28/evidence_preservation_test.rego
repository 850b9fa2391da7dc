package annexa.controls.c5_28.evidence_preservation_test

import data.annexa.controls.c5_28.evidence_preservation as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("incident_register", "IR", {"entries": entries})

incident(id, attrs) := object.union(
	{"id": id, "reported_at": "2026-06-01T00:00:00Z", "classification": "incident", "severity": "high", "status": "closed", "evidence_preserved": true},
	attrs,
)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_evidence_preserved if {
	deny([register([
		incident("INC-1", {}),
		{"id": "EV-1", "reported_at": "2026-01-01T00:00:00Z", "classification": "event", "status": "closed"},
	])]) == set()
}

test_fail_not_preserved if {
	deny([register([incident("INC-2", {"evidence_preserved": false})])]) == {{
		"msg": "incident INC-2 is recorded as having no evidence preserved (evidence_preserved is false)",
		"resource": "incident_register/IR#INC-2",
		"details": {"id": "INC-2", "classification": "incident", "severity": "high", "status": "closed", "reported_at": "2026-06-01"},
	}}
}

test_fail_not_recorded if {
	fs := deny([register([object.remove(incident("INC-3", {"title": "Lost laptop"}), ["evidence_preserved"])])])
	[f.msg | some f in fs] == ["incident INC-3 (Lost laptop) does not record whether its evidence was preserved (evidence_preserved)"]
}

test_fail_register_missing if {
	other := testing.evidence("procedure", "P", {"topic": "evidence_collection"})
	[f.resource | some f in deny([other])] == ["missing:incident_register"]
}

test_pass_judges_incidents_not_events if {
	event := {"id": "EV-1", "reported_at": "2026-01-01T00:00:00Z", "classification": "event", "status": "closed"}
	check.judged == {"incident_register/IR#INC-1"} with data.facts as testing.facts([register([incident("INC-1", {}), event])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([event])]) with data.run as run
}
