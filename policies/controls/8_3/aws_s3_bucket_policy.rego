# METADATA
# title: S3 bucket policies grant nothing to everyone
# description: |
#   A bucket policy statement that allows access to Principal "*" (or the
#   AWS principal "*") without a condition that narrows who can use it
#   (aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalOrgID,
#   aws:SourceVpc, aws:SourceVpce, aws:SourceIp, aws:SourceArn and the like)
#   makes the bucket's objects available to anyone on the internet. Such a
#   condition restricts when it tests the key positively (StringEquals,
#   ArnLike, IpAddress, ...) with values none of which matches every caller
#   ("*", 0.0.0.0/0 or ::/0, an ARN pattern whose account is "*" such as
#   arn:aws:iam::*); the VPC endpoint keys (aws:VpceAccount, aws:VpceOrgID,
#   aws:VpceOrgPaths) restrict too. A value only known after apply, such as
#   the account id of aws_caller_identity, counts as restricting. A negated
#   operator (StringNotEquals, NotIpAddress, ...), an IfExists one, Null or
#   ForAllValues restricts nothing: each admits callers the key does not
#   name or requests without the key. Bucket policies are read from
#   aws_s3_bucket_policy and from the legacy inline policy of aws_s3_bucket,
#   as JSON or built with data.aws_iam_policy_document (from its json in a
#   plan, from its statement blocks in Terraform source). A policy only
#   known after apply is not judged.
# custom:
#   controls: ["8.3", "5.15"]
#   severity: high
#   coverage:
#     "8.3": partial
#     "5.15": supporting
#   inputs:
#     - resource:aws_s3_bucket_policy
#     - resource:aws_s3_bucket
#     - resource:aws_iam_policy_document
#   remediation: |
#     Grant access to named principals (accounts, roles, CloudFront origin
#     access control), or add a condition such as aws:SourceArn,
#     aws:PrincipalOrgID or aws:SourceVpce to the statement; share public
#     content through CloudFront instead of a public bucket policy.
package annexa.controls.c8_3.aws_s3_bucket_policy

import data.annexa.lib.aws
import data.annexa.lib.tf

# restricting_keys are condition keys that narrow who a statement applies
# to, so a "*" principal with one of them is not everyone.
restricting_keys := {
	"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
	"aws:sourceip", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
	"aws:principalarn", "aws:userid", "aws:username", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:calledvia", "aws:principalservicename", "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
	"aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths",
}

deny contains finding if {
	some r in policy_holders
	some s in aws.policy_statements(r, "policy")
	s.effect == "Allow"
	aws.public_principal(s)
	not restricted(s)
	finding := {
		"msg": sprintf("bucket policy allows %s to everyone (Principal \"*\") without a condition that restricts who%s", [actions_label(s), sid_label(s)]),
		"resource": r.id,
		"details": {"actions": s.actions},
	}
}

policy_holders := array.concat(tf.resources("aws_s3_bucket_policy"), [b |
	some b in tf.resources("aws_s3_bucket")
	aws.policy_known(b, "policy")
])

# restricted is true when a condition of s narrows who may use it: a
# restricting key tested positively (StringEquals, ArnLike, IpAddress, ...,
# with ForAnyValue or not) with values none of which admits every caller
# (any_value). A value only known
# after apply (an account id from aws_caller_identity, an organisation id
# from a variable) is taken to be the specific one it names. A negated
# operator (StringNotEquals, ArnNotLike, NotIpAddress, ...) admits
# everyone else, and an IfExists operator, Null or ForAllValues also
# matches a request that carries no such key (an anonymous one), so none of
# them restricts.
restricted(s) if {
	some c in s.conditions
	lower(c.variable) in restricting_keys
	positive_test(c.test)
	count(c.values) + object.get(c, "unknown_values", 0) > 0
	not any_value(c.values)
}

# any_value is true when one of a condition's values matches every caller:
# "*", the whole IPv4 or IPv6 space, or an ARN pattern whose account is a
# wildcard ("arn:aws:iam::*", "arn:aws:iam::*:role/x", "arn:*"), which
# any AWS account can satisfy with a principal of its own.
any_value(values) if "*" in values

any_value(values) if {
	some v in values
	is_string(v)
	trim_space(v) in {"0.0.0.0/0", "::/0"}
}

any_value(values) if {
	some v in values
	parts := arn_parts(v)
	count(parts) > 4
	startswith(parts[4], "*")
}

any_value(values) if {
	some v in values
	parts := arn_parts(v)
	count(parts) <= 4
	parts[count(parts) - 1] == "*"
}

# arn_parts are the colon-separated components of an ARN pattern
# (partition, service, region, account, resource after "arn").
arn_parts(v) := parts if {
	is_string(v)
	parts := split(trim_space(v), ":")
	parts[0] == "arn"
}

positive_test(test) if {
	t := lower(test)
	not startswith(t, "forallvalues:")
	base := trim_prefix(t, "foranyvalue:")
	not contains(base, "not")
	not endswith(base, "ifexists")
	base != "null"
}

actions_label(s) := concat(", ", s.actions) if count(s.actions) > 0

else := "every action but those in NotAction"

sid_label(s) := sprintf(" (statement %s)", [s.sid]) if {
	is_string(s.sid)
	s.sid != ""
} else := ""

# judged are the bucket policies whose document can be read.
judged contains r.id if {
	some r in policy_holders
	aws.policy_known(r, "policy")
}
