package annexa.controls.c6_7.remote_working_policy_test

import data.annexa.controls.c6_7.remote_working_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(remote) := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "ana@example.com", "start_date": "2022-03-01T00:00:00Z", "remote": remote},
	{"id": "ben@example.com", "start_date": "2020-01-06T00:00:00Z", "end_date": "2025-12-31T00:00:00Z", "remote": true},
]})

assets(off) := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "LT-1", "name": "Laptop", "type": "hardware", "status": "active", "off_premises": off},
	{"id": "LT-0", "name": "Old laptop", "type": "hardware", "status": "disposed", "off_premises": true},
]})

policy(attrs) := testing.evidence("policy", "POL-REMOTE", object.union(
	{"topic": "remote_working", "approved_by": "ceo@example.com", "approved_at": "2026-02-02T00:00:00Z", "due": "2027-02-02T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_policy if {
	deny([register(true), assets(true), policy({})]) == set()
}

test_pass_not_required_without_remote_work if {
	# Only a leaver worked remotely and only a disposed laptop was off premises.
	other := testing.evidence("policy", "POL-X", {"topic": "access_control"})
	deny([register(false), assets(false), other]) == set()
}

test_fail_missing_for_remote_worker if {
	deny([register(true), assets(false)]) == {{
		"msg": "no remote working policy on file",
		"resource": "missing:policy/remote_working",
		"details": {"expected_kind": "policy"},
	}}
}

test_fail_missing_for_off_premises_asset if {
	[f.resource | some f in deny([register(false), assets(true)])] == ["missing:policy/remote_working"]
}

test_fail_policy_overdue if {
	fs := deny([register(true), policy({"due": "2026-11-19T00:00:00Z"})])
	[f.msg | some f in fs] == ["remote working policy POL-REMOTE cannot be relied on: its review was due on 2026-11-19"]
}

test_pass_judges_the_policy_when_needed if {
	check.judged == {"policy/POL-REMOTE"} with data.facts as testing.facts([register(true), assets(true), policy({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register(false), assets(false), policy({})]) with data.run as run
}
