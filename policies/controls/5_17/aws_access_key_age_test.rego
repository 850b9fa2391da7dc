package annexa.controls.c5_17.aws_access_key_age_test

import data.annexa.controls.c5_17.aws_access_key_age as check
import data.annexa.lib.testing

run := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-22T00:00:00Z")}

key(name, status, created) := testing.resource("aws_iam_access_key", name, {"user": name, "status": status, "create_date": created})

test_pass_recent_key if {
	facts := testing.facts([key("alice", "Active", "2026-09-01T00:00:00Z")])
	count(check.deny) == 0 with data.facts as facts with data.run as run
	check.judged == {"aws_iam_access_key.alice"} with data.facts as facts with data.run as run
}

test_fail_old_key if {
	findings := check.deny with data.facts as testing.facts([key("bob", "Active", "2024-01-15T00:00:00Z")]) with data.run as run
	count(findings) == 1
	some f in findings
	f.resource == "aws_iam_access_key.bob"
	f.msg == "active access key of user bob was created 2024-01-15, more than 90 days ago"
}

# 91 days before the effective time is too old, 89 days is not.
test_fail_just_over_max_age if {
	count(check.deny) == 1 with data.facts as testing.facts([key("k", "Active", "2026-08-23T00:00:00Z")]) with data.run as run
}

test_pass_just_under_max_age if {
	count(check.deny) == 0 with data.facts as testing.facts([key("k", "Active", "2026-08-25T00:00:00Z")]) with data.run as run
}

test_pass_old_inactive_key_judged if {
	facts := testing.facts([key("old", "Inactive", "2020-01-01T00:00:00Z")])
	count(check.deny) == 0 with data.facts as facts with data.run as run
	check.judged == {"aws_iam_access_key.old"} with data.facts as facts with data.run as run
}

# A key a plan creates has no create_date yet: not judged, no finding.
test_pass_unknown_create_date_not_judged if {
	k := object.union(testing.resource("aws_iam_access_key", "new", {"user": "carol", "status": "Active"}), {"unknown": ["create_date"]})
	count(check.deny) == 0 with data.facts as testing.facts([k]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([k]) with data.run as run
}

test_pass_parameter_raised if {
	facts := object.union(testing.facts([key("bob", "Active", "2026-01-15T00:00:00Z")]), {"parameters": {"aws_access_key_max_age_days": 365}})
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_fail_parameter_lowered if {
	facts := object.union(testing.facts([key("alice", "Active", "2026-09-01T00:00:00Z")]), {"parameters": {"aws_access_key_max_age_days": 30}})
	count(check.deny) == 1 with data.facts as facts with data.run as run
}
