package annexa.controls.c5_17.authentication_information_test

import data.annexa.controls.c5_17.authentication_information as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {
	"topic": "authentication_information",
	"approved_by": "sam@example.com",
	"approved_at": "2026-01-19T00:00:00Z",
	"due": "2027-01-19T00:00:00Z",
}

test_pass_procedure_current if {
	count(check.deny) == 0 with data.facts as testing.facts([testing.evidence("procedure", "AUTH", approval)]) with data.run as run
}

test_pass_policy_current_and_communicated if {
	p := testing.evidence("policy", "AUTH", object.union(approval, {"communicated_at": "2026-01-20T00:00:00Z"}))
	count(check.deny) == 0 with data.facts as testing.facts([p]) with data.run as run
}

test_fail_policy_not_communicated if {
	check.deny == {{
		"msg": "authentication information policy AUTH was approved on 2026-01-19 but there is no record that it was communicated (communicated_at)",
		"resource": "policy/AUTH",
	}} with data.facts as testing.facts([testing.evidence("policy", "AUTH", approval)]) with data.run as run
}

test_fail_procedure_draft_only if {
	draft := testing.evidence("procedure", "AUTH", {"topic": "authentication_information", "status": "draft"})
	[f.msg | some f in check.deny] == ["no approved authentication information procedure is in force: AUTH is draft"] with data.facts as testing.facts([draft])
		with data.run as run
}

test_fail_missing if {
	[f.resource | some f in check.deny] == ["missing:procedure/authentication_information"] with data.facts as testing.facts([testing.evidence("policy", "AUP", {"topic": "acceptable_use"})])
		with data.run as run
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/AUTH"} with data.facts as testing.facts([testing.evidence("procedure", "AUTH", approval)]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([testing.evidence("policy", "AUP", {"topic": "acceptable_use"})]) with data.run as run
}
