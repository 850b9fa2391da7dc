package annexa.controls.c5_18.access_reviews_test

import data.annexa.controls.c5_18.access_reviews as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

assets := testing.evidence("asset_register", "IT", {"entries": [
	{"id": "AWS-PROD", "name": "AWS production account", "type": "cloud_account", "status": "active"},
	{"id": "SVC-GITHUB", "name": "GitHub organisation", "type": "service", "status": "active"},
	{"id": "LT-0012", "name": "Laptop", "type": "hardware", "status": "active"},
	{"id": "AWS-OLD", "name": "Old account", "type": "cloud_account", "status": "retired"},
]})

review(id, system, scope, performed_at) := testing.evidence("access_review", id, {
	"system": system,
	"scope": scope,
	"performed_at": performed_at,
})

on_schedule := [
	review("AR-AWS-P", "AWS-PROD", "privileged", "2026-10-12T00:00:00Z"),
	review("AR-AWS-S", "aws production account", "standard", "2026-06-01T00:00:00Z"),
	review("AR-GH", "SVC-GITHUB", "all", "2026-09-01T00:00:00Z"),
]

test_pass_every_system_reviewed_on_schedule if {
	count(check.deny) == 0 with data.facts as testing.facts(array.concat([assets], on_schedule)) with data.run as run
}

test_pass_privileged_review_exactly_3_months_old if {
	edge := review("AR-AWS-P", "AWS-PROD", "privileged", "2026-08-20T00:00:00Z")
	facts := testing.facts([assets, edge, on_schedule[1], on_schedule[2]])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_fail_privileged_review_overdue if {
	old := review("AR-AWS-P", "AWS-PROD", "privileged", "2026-07-10T00:00:00Z")
	older := review("AR-AWS-P0", "AWS-PROD", "privileged", "2026-04-08T00:00:00Z")
	facts := testing.facts([assets, older, old, on_schedule[1], on_schedule[2]])
	check.deny == {{
		"msg": "the last privileged access review of AWS-PROD (AWS production account) was AR-AWS-P on 2026-07-10; the next was due on 2026-10-10",
		"resource": "access_review/AR-AWS-P",
		"severity": "high",
	}} with data.facts as facts with data.run as run
}

test_fail_standard_review_overdue if {
	old := review("AR-AWS-S", "AWS-PROD", "standard", "2026-05-19T00:00:00Z")
	facts := testing.facts([assets, on_schedule[0], old, on_schedule[2]])
	check.deny == {{
		"msg": "the last standard access review of AWS-PROD (AWS production account) was AR-AWS-S on 2026-05-19; the next was due on 2026-11-19",
		"resource": "access_review/AR-AWS-S",
		"severity": "medium",
	}} with data.facts as facts with data.run as run
}

test_fail_shorter_declared_interval if {
	monthly := testing.evidence("access_review", "AR-GH", {
		"system": "SVC-GITHUB", "scope": "all",
		"performed_at": "2026-09-01T00:00:00Z", "due": "2026-10-01T00:00:00Z",
	})
	facts := testing.facts([assets, on_schedule[0], on_schedule[1], monthly])
	[f.msg | some f in check.deny] == [
		"the last privileged access review of SVC-GITHUB (GitHub organisation) was AR-GH on 2026-09-01; the next was due on 2026-10-01",
		"the last standard access review of SVC-GITHUB (GitHub organisation) was AR-GH on 2026-09-01; the next was due on 2026-10-01",
	] with data.facts as facts with data.run as run
}

test_fail_system_never_reviewed if {
	facts := testing.facts([assets, on_schedule[0], on_schedule[1]])
	check.deny == {
		{
			"msg": "no privileged access review of SVC-GITHUB (GitHub organisation) is on file; they are due every 3 months",
			"resource": "asset_register/IT#SVC-GITHUB",
			"severity": "high",
		},
		{
			"msg": "no standard access review of SVC-GITHUB (GitHub organisation) is on file; they are due every 6 months",
			"resource": "asset_register/IT#SVC-GITHUB",
			"severity": "medium",
		},
	} with data.facts as facts with data.run as run
}

test_fail_draft_and_future_reviews_do_not_count if {
	draft := object.union(review("AR-GH", "SVC-GITHUB", "all", "2026-11-01T00:00:00Z"), {"attributes": {"status": "draft"}})
	future := review("AR-GH2", "SVC-GITHUB", "all", "2026-12-01T00:00:00Z")
	facts := testing.facts([assets, on_schedule[0], on_schedule[1], draft, future])
	count(check.deny) == 2 with data.facts as facts with data.run as run
}

test_fail_unregistered_system_reviewed_once if {
	stripe := review("AR-STRIPE", "Stripe dashboard", "privileged", "2026-10-01T00:00:00Z")
	facts := testing.facts(array.concat([assets, stripe], on_schedule))
	check.deny == {{
		"msg": "no standard access review of Stripe dashboard is on file; they are due every 6 months",
		"resource": "access_review/AR-STRIPE",
		"severity": "medium",
	}} with data.facts as facts with data.run as run
}

test_fail_missing_records if {
	[f.resource | some f in check.deny] == ["missing:access_review"] with data.facts as testing.facts([testing.evidence("asset_register", "IT", {"entries": []})])
		with data.run as run
	[f.resource | some f in check.deny] == ["missing:asset_register"] with data.facts as testing.facts([on_schedule[2]])
		with data.run as run
}

test_pass_judges_systems_and_reviews if {
	judged := check.judged with data.facts as testing.facts(array.concat([assets], on_schedule)) with data.run as run
	judged == {"asset_register/IT#AWS-PROD", "asset_register/IT#SVC-GITHUB", "access_review/AR-AWS-P", "access_review/AR-AWS-S", "access_review/AR-GH"}
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
