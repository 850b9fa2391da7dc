package annexa.controls.c5_37.operating_procedures_test

import data.annexa.controls.c5_37.operating_procedures as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

procedure(topic, attrs) := testing.evidence("procedure", sprintf("PRC-%s", [upper(topic)]), object.union(
	{"topic": topic, "approved_by": "cto@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
	attrs,
))

all_current := [procedure(t, {}) | some t in ["access_provisioning", "backup", "change_management", "incident_response"]]

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_all_documented if {
	deny(all_current) == set()
}

test_fail_one_missing if {
	list := [p | some p in all_current; p.attributes.topic != "change_management"]
	deny(list) == {{
		"msg": "no change management procedure on file",
		"resource": "missing:procedure/change_management",
		"details": {"expected_kind": "procedure"},
	}}
}

test_fail_one_stale if {
	list := array.concat(
		[p | some p in all_current; p.attributes.topic != "backup"],
		[procedure("backup", {"due": "2026-10-01T00:00:00Z"})],
	)
	[f.msg | some f in deny(list)] == ["backup and restore procedure PRC-BACKUP cannot be relied on: its review was due on 2026-10-01"]
}

test_fail_all_missing if {
	other := testing.evidence("policy", "P", {"topic": "information_security"})
	count(deny([other])) == 4
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_the_procedures if {
	count(check.judged) == 4 with data.facts as testing.facts(all_current) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
