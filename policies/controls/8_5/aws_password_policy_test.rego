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

# require_symbols left out: unknown in a plan (or null), the provider's default
left_out_require_symbols := object.union(
	testing.resource("aws_iam_account_password_policy", "omitted", {"minimum_password_length": 14, "password_reuse_prevention": 24, "require_lowercase_characters": true, "require_uppercase_characters": true, "require_numbers": true}),
	{"configured": ["minimum_password_length", "password_reuse_prevention", "require_lowercase_characters", "require_numbers", "require_uppercase_characters"], "unknown": ["require_symbols"]},
)

test_fail_require_symbols_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_require_symbols])
	some f in findings
	contains(f.msg, "require_symbols is off")
}

test_pass_require_symbols_written_but_unknown if {
	written := object.union(left_out_require_symbols, {"configured": ["minimum_password_length", "password_reuse_prevention", "require_lowercase_characters", "require_numbers", "require_symbols", "require_uppercase_characters"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "require_symbols is off")
	}
}

test_pass_require_symbols_configuration_unsaid if {
	unsaid := object.remove(left_out_require_symbols, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "require_symbols is off")
	}
}

# password_reuse_prevention left out: unknown in a plan (or null), the provider's default
left_out_password_reuse_prevention := object.union(
	testing.resource("aws_iam_account_password_policy", "omitted", {"minimum_password_length": 14, "require_lowercase_characters": true, "require_uppercase_characters": true, "require_numbers": true, "require_symbols": true}),
	{"configured": ["minimum_password_length", "require_lowercase_characters", "require_numbers", "require_symbols", "require_uppercase_characters"], "unknown": ["password_reuse_prevention"]},
)

test_fail_password_reuse_prevention_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_password_reuse_prevention])
	some f in findings
	contains(f.msg, "password_reuse_prevention is left out")
}

test_pass_password_reuse_prevention_written_but_unknown if {
	written := object.union(left_out_password_reuse_prevention, {"configured": ["minimum_password_length", "password_reuse_prevention", "require_lowercase_characters", "require_numbers", "require_symbols", "require_uppercase_characters"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "password_reuse_prevention is left out")
	}
}

test_pass_password_reuse_prevention_configuration_unsaid if {
	unsaid := object.remove(left_out_password_reuse_prevention, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "password_reuse_prevention is left out")
	}
}

test_pass_judges_a_known_policy if {
	check.judged == {"aws_iam_account_password_policy.strict"} with data.facts as testing.facts([testing.resource("aws_iam_account_password_policy", "strict", strong)])
}

test_pass_unknown_policy_not_judged if {
	unknown := object.union(testing.resource("aws_iam_account_password_policy", "p", {}), {"unknown": ["minimum_password_length"]})
	count(check.judged) == 0 with data.facts as testing.facts([unknown])
}

test_fail_left_out_arguments_are_weak if {
	p := object.union(testing.resource("aws_iam_account_password_policy", "strict", {}), {"configured": [], "unknown": ["password_reuse_prevention", "require_lowercase_characters", "require_numbers", "require_symbols", "require_uppercase_characters"]})
	findings := check.deny with data.facts as testing.facts([p])
	some f in findings
	"minimum length 6 < 14" in f.details.weaknesses
	"password_reuse_prevention is left out (no reuse prevention) < 24" in f.details.weaknesses
	count(f.details.weaknesses) == 6
}

test_pass_thresholds_are_parameters if {
	p := testing.resource("aws_iam_account_password_policy", "strict", {
		"minimum_password_length": 12, "password_reuse_prevention": 5,
		"require_lowercase_characters": true, "require_uppercase_characters": true,
		"require_numbers": true, "require_symbols": true,
	})
	count(check.deny) == 1 with data.facts as testing.facts([p])
	count(check.deny) == 0 with data.facts as object.union(testing.facts([p]), {"parameters": {"aws_password_min_length": 12, "aws_password_reuse_prevention": 5}})
}
