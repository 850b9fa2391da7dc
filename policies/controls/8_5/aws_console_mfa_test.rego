package annexa.controls.c8_5.aws_console_mfa_test

import data.annexa.controls.c8_5.aws_console_mfa as check
import data.annexa.lib.testing

live(r) := object.union(r, {"source": {"provider": "aws", "file": "aws"}})

profile(user) := live(testing.resource("aws_iam_user_login_profile", user, {"id": user, "user": user, "create_date": "2024-01-15T00:00:00Z"}))

mfa(user) := live(testing.resource("aws_iam_virtual_mfa_device", user, {"id": sprintf("arn:aws:iam::123456789012:mfa/%s", [user]), "user_name": user}))

test_pass_console_user_with_mfa if {
	facts := testing.facts([profile("alice"), mfa("alice")])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_iam_user_login_profile.alice"} with data.facts as facts
}

test_fail_console_user_without_mfa if {
	findings := check.deny with data.facts as testing.facts([profile("alice"), mfa("alice"), profile("bob")])
	count(findings) == 1
	some f in findings
	f.resource == "aws_iam_user_login_profile.bob"
	f.msg == "IAM user bob has a console password and no MFA device"
}

test_fail_snapshot_user_without_mfa if {
	p := object.union(profile("bob"), {"source": {"provider": "aws-snapshot", "file": "account.json"}})
	count(check.deny) == 1 with data.facts as testing.facts([p])
}

# Another account's device does not count.
test_fail_device_of_another_account if {
	other := object.union(mfa("bob"), {"source": {"provider": "aws-snapshot", "file": "other.json"}})
	count(check.deny) == 1 with data.facts as testing.facts([profile("bob"), other])
}

# A user with MFA and no console password is not judged.
test_pass_no_console_password_not_judged if {
	count(check.judged) == 0 with data.facts as testing.facts([mfa("ci")])
}

# In a plan, MFA enrolment is not known: neither a finding nor judged.
test_pass_plan_profile_not_judged if {
	p := object.union(profile("bob"), {"source": {"provider": "terraform-plan", "file": "tfplan.json"}})
	count(check.deny) == 0 with data.facts as testing.facts([p])
	count(check.judged) == 0 with data.facts as testing.facts([p])
}
