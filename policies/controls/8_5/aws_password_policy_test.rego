package annexa.controls.c8_5.aws_password_policy_test

import data.annexa.controls.c8_5.aws_password_policy as check
import data.annexa.lib.testing

strong := {
	"minimum_password_length": 14,
	"require_lowercase_characters": true,
	"require_uppercase_characters": true,
	"require_numbers": true,
	"require_symbols": true,
	"password_reuse_prevention": 24,
}

test_pass_strong if {
	count(check.deny) == 0 with data.facts as testing.facts([testing.resource("aws_iam_account_password_policy", "strict", strong)])
}

test_fail_weak if {
	weak := object.union(strong, {"minimum_password_length": 8, "require_symbols": false, "password_reuse_prevention": 0})
	findings := check.deny with data.facts as testing.facts([testing.resource("aws_iam_account_password_policy", "strict", weak)])
	count(findings) == 1
	some f in findings
	f.details.weaknesses == ["minimum length 8 < 14", "require_symbols is off", "password_reuse_prevention 0 < 24"]
}
