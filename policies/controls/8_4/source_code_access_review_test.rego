package annexa.controls.c8_4.source_code_access_review_test

import data.annexa.controls.c8_4.source_code_access_review as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

review(id, date, attrs) := testing.evidence("access_review", id, object.union(
	{
		"controls": ["8.4", "5.18"],
		"system": "SVC-GITHUB",
		"scope": "all",
		"performed_at": date,
		"reviewer": "priya@example.com",
	},
	attrs,
))

test_pass_recent_review if {
	count(check.deny) == 0 with data.facts as testing.facts([review("AR-GH-H2", "2026-10-20T00:00:00Z", {})]) with data.run as now
}

test_pass_six_months_boundary if {
	count(check.deny) == 0 with data.facts as testing.facts([review("AR-GH-H1", "2026-05-20T00:00:00Z", {})]) with data.run as now
}

test_fail_stale_review if {
	check.deny == {{
		"msg": "source code access was last reviewed on 2026-05-19 (AR-GH-H1), more than 6 months ago",
		"resource": "access_review/AR-GH-H1",
	}} with data.facts as testing.facts([review("AR-GH-H1", "2026-05-19T00:00:00Z", {})])
		with data.run as now
}

test_pass_latest_counts if {
	old := review("AR-GH-H1", "2026-03-01T00:00:00Z", {})
	new := review("AR-GH-H2", "2026-09-01T00:00:00Z", {})
	count(check.deny) == 0 with data.facts as testing.facts([old, new]) with data.run as now
}

test_fail_no_reviewer if {
	r := testing.evidence("access_review", "AR-GH-H2", {
		"controls": ["8.4"],
		"system": "SVC-GITHUB",
		"scope": "all",
		"performed_at": "2026-10-20T00:00:00Z",
	})
	findings := check.deny with data.facts as testing.facts([r]) with data.run as now
	{f.msg | some f in findings} == {"source code access review AR-GH-H2 does not name its reviewer"}
}

test_fail_missing_review if {
	other := review("AR-AWS", "2026-10-01T00:00:00Z", {"controls": ["5.18"], "system": "AWS-PROD"})
	findings := check.deny with data.facts as testing.facts([other]) with data.run as now
	{f.resource | some f in findings} == {"missing:access_review"}
}

test_fail_future_review_does_not_count if {
	findings := check.deny with data.facts as testing.facts([review("AR-GH-2027", "2027-01-15T00:00:00Z", {})]) with data.run as now
	{f.resource | some f in findings} == {"missing:access_review"}
}

test_pass_judges_the_reviews if {
	check.judged == {"access_review/AR-GH-H2"} with data.facts as testing.facts([review("AR-GH-H2", "2026-10-20T00:00:00Z", {})]) with data.run as now
	other := review("AR-AWS", "2026-10-01T00:00:00Z", {"controls": ["5.18"], "system": "AWS-PROD"})
	count(check.judged) == 0 with data.facts as testing.facts([other]) with data.run as now
}
