package annexa.lib.evidence_test

import data.annexa.lib.evidence
import data.annexa.lib.testing

# 2026-11-22T00:00:00Z
now := 1795305600000000000

run := {"effective_time_ns": now}

policy(id, attrs) := testing.evidence("policy", id, object.union({"topic": "access_control"}, attrs))

good := {
	"approved_by": "ceo",
	"approved_at": "2026-02-01T00:00:00Z",
	"due": "2027-02-01T00:00:00Z",
}

test_current_document_has_no_problems if {
	evidence.problems(policy("P1", good)) == [] with data.run as run
}

test_problems_listed if {
	p := evidence.problems(policy("P1", {"due": "2026-10-01T00:00:00Z", "status": "draft"})) with data.run as run
	p == [
		"it is not approved (approved_by and approved_at are missing)",
		"its review was due on 2026-10-01",
		"its status is draft",
	]
}

test_active_people_and_coverage if {
	register := testing.evidence("personnel_register", "HR", {"entries": [
		{"id": "alice", "start_date": "2020-01-01T00:00:00Z"},
		{"id": "bob", "start_date": "2020-01-01T00:00:00Z", "end_date": "2026-06-30T00:00:00Z"},
		{"id": "carol", "start_date": "2027-01-01T00:00:00Z"},
	]})
	training := testing.evidence("training_record", "T", {"entries": [
		{"person": "alice", "completed_at": "2026-03-01T00:00:00Z"},
		{"person": "bob", "completed_at": "2025-01-01T00:00:00Z"},
	]})
	facts := testing.facts([register, training])
	evidence.active_people == {"alice"} with data.facts as facts with data.run as run
	evidence.people_with("training_record", "completed_at", 12) == {"alice"} with data.facts as facts with data.run as run
	evidence.people_with("training_record", "completed_at", 0) == {"alice", "bob"} with data.facts as facts with data.run as run
}

test_older_than if {
	evidence.older_than("2025-11-01T00:00:00Z", 12) with data.run as run
	not evidence.older_than("2025-12-01T00:00:00Z", 12) with data.run as run
}

test_missing_record_is_named_by_its_kind if {
	evidence.missing("asset_register", "asset register listing the organisation's sites") == {
		"msg": "no asset register listing the organisation's sites on file",
		"resource": "missing:asset_register",
		"details": {"expected_kind": "asset_register"},
	}
}

test_ids if {
	facts := testing.facts([policy("P1", good), policy("P2", {}), testing.evidence("procedure", "X", {})])
	evidence.ids(["policy", "plan"]) == {"policy/P1", "policy/P2"} with data.facts as facts
	evidence.ids(["plan"]) == set() with data.facts as facts
}
