# METADATA
# title: The IAM account password policy is strong
# description: |
#   IAM user passwords are at least aws_password_min_length (14)
#   characters, use upper and lower case letters, numbers and symbols, and
#   cannot reuse any of the last aws_password_reuse_prevention (24)
#   passwords (CIS AWS Foundations 3.0.0 1.8, 1.9). An argument left out
#   takes AWS's behaviour: minimum_password_length 6 (the provider's
#   default), each require_* off, and no reuse prevention at all.
# custom:
#   controls: ["8.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_iam_account_password_policy"]
#   remediation: |
#     Set minimum_password_length = 14 or more, require_lowercase_characters,
#     require_uppercase_characters, require_numbers and require_symbols = true,
#     and password_reuse_prevention = 24.
#   parameters: ["aws_password_min_length", "aws_password_reuse_prevention"]
package annexa.controls.c8_5.aws_password_policy

import data.annexa.lib.params
import data.annexa.lib.tf

min_length := params.value("aws_password_min_length")

min_reuse_prevention := params.value("aws_password_reuse_prevention")

# provider_min_length is the length AWS requires when the argument is left
# out (the provider's default).
provider_min_length := 6

required := [
	"require_lowercase_characters",
	"require_uppercase_characters",
	"require_numbers",
	"require_symbols",
]

deny contains finding if {
	some p in tf.resources("aws_iam_account_password_policy")
	problems := weaknesses(p)
	count(problems) > 0
	finding := {
		"msg": sprintf("password policy is weak: %s", [concat("; ", problems)]),
		"resource": p.id,
		"details": {"weaknesses": problems},
	}
}

weaknesses(p) := array.concat(
	[sprintf("minimum length %d < %d", [n, min_length]) |
		n := length(p)
		n < min_length
	],
	array.concat(
		[sprintf("%s is off", [attr]) |
			some attr in required
			off(p, attr)
		],
		array.concat(
			[sprintf("password_reuse_prevention %d < %d", [n, min_reuse_prevention]) |
				n := object.get(p.attributes, "password_reuse_prevention", null)
				is_number(n)
				n < min_reuse_prevention
			],
			[sprintf("password_reuse_prevention is left out (no reuse prevention) < %d", [min_reuse_prevention]) |
				left_out(p, "password_reuse_prevention")
			],
		),
	),
)

# length is the minimum length in force: the value, or the provider's
# default when the argument is left out.
length(p) := n if {
	n := p.attributes.minimum_password_length
	is_number(n)
} else := provider_min_length if {
	tf.omitted(p, "minimum_password_length")
	not tf.is_unknown(p, "minimum_password_length")
}

off(p, attr) if tf.explicitly_false(p, attr)

off(p, attr) if left_out(p, attr)

# left_out is true for an argument the configuration does not write: the
# provider's to decide (unknown in a plan), and AWS leaves the requirement
# off.
left_out(p, attr) if {
	tf.omitted(p, attr)
	not attr in object.keys(p.attributes)
}

# judged are the password policies with a setting it checks known, or
# left out to AWS's default.
judged contains p.id if {
	some p in tf.resources("aws_iam_account_password_policy")
	some attr in array.concat(["minimum_password_length", "password_reuse_prevention"], required)
	decided(p, attr)
}

decided(p, attr) if not is_null(object.get(p.attributes, attr, null))

decided(p, "minimum_password_length") if length(p)

decided(p, attr) if left_out(p, attr)
