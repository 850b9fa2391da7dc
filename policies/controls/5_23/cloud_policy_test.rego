package annexa.controls.c5_23.cloud_policy_test

import data.annexa.controls.c5_23.cloud_policy as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

policy(attrs) := testing.evidence("policy", "POL-CLOUD", object.union(
	{"topic": "cloud_services", "approved_by": "ciso@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z"},
	attrs,
))

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_current_policy if {
	deny([policy({})]) == set()
}

test_fail_draft if {
	[f.msg | some f in deny([policy({"status": "draft"})])] == ["no approved cloud services policy is in force: POL-CLOUD is draft"]
}

test_fail_missing if {
	[f.resource | some f in deny([policy({"topic": "supplier_security"})])] == ["missing:policy/cloud_services"]
}

test_pass_judges_the_policy if {
	check.judged == {"policy/POL-CLOUD"} with data.facts as testing.facts([policy({})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
