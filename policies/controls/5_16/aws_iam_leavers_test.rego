package annexa.controls.c5_16.aws_iam_leavers_test

import data.annexa.controls.c5_16.aws_iam_leavers as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "priya.raman@example.com", "start_date": "2020-04-14T00:00:00Z"},
	{"id": "kevin.doyle@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
	{"id": "nadia.petrova@example.com", "start_date": "2024-01-08T00:00:00Z", "end_date": "2026-12-31T00:00:00Z"},
]})

user(name, tags) := testing.resource("aws_iam_user", name, {"name": name, "tags": tags, "tags_all": tags})

test_pass_users_of_active_people if {
	facts := testing.facts([
		people,
		user("priya.raman", {}),
		user("nadia.petrova", {}),
		user("ci-deployer", {"owner": "priya.raman@example.com"}),
	])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_pass_no_register_nothing_judged if {
	count(check.deny) == 0 with data.facts as testing.facts([user("kevin.doyle", {})]) with data.run as run
}

test_fail_user_named_after_leaver if {
	check.deny == {{
		"msg": "IAM user Kevin.Doyle belongs to kevin.doyle@example.com, who left on 2026-08-29",
		"resource": "aws_iam_user.Kevin.Doyle",
		"details": {"person": "kevin.doyle@example.com"},
	}} with data.facts as testing.facts([people, user("Kevin.Doyle", {})]) with data.run as run
}

test_fail_user_tagged_with_leaver if {
	tagged := testing.resource("aws_iam_user", "svc", {"name": "reporting-bot", "tags": {"owner": "kevin.doyle@example.com"}})
	[f.msg | some f in check.deny] == ["IAM user reporting-bot belongs to kevin.doyle@example.com, who left on 2026-08-29"] with data.facts as testing.facts([people, tagged])
		with data.run as run
}

test_pass_rehired if {
	rehired := testing.evidence("personnel_register", "HR2", {"entries": [{"id": "kevin.doyle@example.com", "start_date": "2026-11-02T00:00:00Z"}]})
	count(check.deny) == 0 with data.facts as testing.facts([people, rehired, user("kevin.doyle", {})]) with data.run as run
}

test_pass_judges_users_against_leavers if {
	check.judged == {"aws_iam_user.priya.raman"} with data.facts as testing.facts([people, user("priya.raman", {})]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([user("kevin.doyle", {})]) with data.run as run
	no_leavers := testing.evidence("personnel_register", "HR", {"entries": [{"id": "priya.raman@example.com", "start_date": "2020-04-14T00:00:00Z"}]})
	count(check.judged) == 0 with data.facts as testing.facts([no_leavers, user("priya.raman", {})]) with data.run as run
}
