package annexa.controls.c5_17.aws_access_keys_per_user_test

import data.annexa.controls.c5_17.aws_access_keys_per_user as check
import data.annexa.lib.testing

key(name, user, status, provider) := object.union(
	testing.resource("aws_iam_access_key", name, {"user": user, "status": status, "create_date": "2026-09-01T00:00:00Z"}),
	{"source": {"provider": provider, "file": "src"}},
)

test_pass_live_one_active_key if {
	facts := testing.facts([key("a1", "alice", "Active", "aws"), key("a2", "alice", "Inactive", "aws")])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_iam_access_key.a1"} with data.facts as facts
}

test_fail_live_two_active_keys if {
	facts := testing.facts([key("b1", "bob", "Active", "aws"), key("b2", "bob", "Active", "aws"), key("a1", "alice", "Active", "aws")])
	findings := check.deny with data.facts as facts
	{f.resource | some f in findings} == {"aws_iam_access_key.b1", "aws_iam_access_key.b2"}
	every f in findings {
		f.msg == "IAM user bob has 2 active access keys"
	}
	check.judged == {"aws_iam_access_key.a1", "aws_iam_access_key.b1", "aws_iam_access_key.b2"} with data.facts as facts
}

test_fail_plan_two_active_keys if {
	facts := testing.facts([key("b1", "bob", "Active", "terraform-plan"), key("b2", "bob", "Active", "terraform-plan")])
	count(check.deny) == 2 with data.facts as facts
	count(check.judged) == 2 with data.facts as facts
}

# In a plan, one active key does not show it is the user's only one.
test_pass_plan_one_active_key_not_judged if {
	facts := testing.facts([key("a1", "alice", "Active", "terraform-plan")])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}

# Keys of two sources are not counted together.
test_pass_keys_of_two_sources if {
	other := object.union(key("b2", "bob", "Active", "aws-snapshot"), {"source": {"file": "other.json"}})
	count(check.deny) == 0 with data.facts as testing.facts([key("b1", "bob", "Active", "aws-snapshot"), other])
}
