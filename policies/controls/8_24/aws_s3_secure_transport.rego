# METADATA
# title: S3 buckets refuse requests over plain HTTP
# description: |
#   Every S3 bucket has a bucket policy with a Deny statement for everyone
#   (Principal "*") on every S3 action (s3:* or *) when aws:SecureTransport
#   is false, so that data only travels encrypted. A bucket with no bucket
#   policy accepts plain HTTP and is a finding. The policy is linked to its
#   bucket by reference, by bucket name, or by the for_each key of a policy
#   iterating over the buckets, and read as JSON or from the
#   data.aws_iam_policy_document it is built with; a bucket whose policy is
#   only known after apply is not judged.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_s3_bucket
#     - resource:aws_s3_bucket_policy
#     - resource:aws_iam_policy_document
#   remediation: |
#     Add to the bucket policy a statement with effect Deny, principal "*",
#     action s3:*, the bucket and its objects as resources, and the
#     condition Bool aws:SecureTransport = false.
package annexa.controls.c8_24.aws_s3_secure_transport

import data.annexa.lib.aws
import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	not unknown_policy(b)
	not denies_http(b)
	finding := {
		"msg": msg(b),
		"resource": b.id,
	}
}

msg(b) := "S3 bucket has no bucket policy, so it accepts requests over plain HTTP" if {
	count(linked_policies(b)) == 0
	not aws.policy_known(b, "policy")
} else := "S3 bucket policy has no Deny statement for aws:SecureTransport = false, so the bucket accepts requests over plain HTTP"

policies_by_key := {k: {v | some [k2, v] in policies_by_key_pairs; k2 == k} | some k in {x | some [x, _] in policies_by_key_pairs}}

policies_by_key_pairs contains [k, p] if {
	some p in tf.resources("aws_s3_bucket_policy")
	some k in aws.s3_companion_keys(p)
}

linked_policies(b) := {p |
	index := policies_by_key
	some k in aws.s3_bucket_keys(b)
	some p in object.get(index, k, set())
}

# unknown_policy is true when a policy of b (linked, or the inline one it
# writes) is only known after apply. The inline policy argument is
# computed, so a plan shows it unknown when it is left out: that is no
# policy.
unknown_policy(b) if {
	some p in linked_policies(b)
	not aws.policy_known(p, "policy")
}

unknown_policy(b) if {
	tf.is_unknown(b, "policy")
	not tf.omitted(b, "policy")
	not aws.policy_known(b, "policy")
}

denies_http(b) if {
	some p in linked_policies(b)
	some s in aws.policy_statements(p, "policy")
	http_deny(s)
}

denies_http(b) if {
	some s in aws.policy_statements(b, "policy")
	http_deny(s)
}

http_deny(s) if {
	s.effect == "Deny"
	aws.public_principal(s)
	some a in s.actions
	lower(a) in {"*", "s3:*"}
	some c in s.conditions
	c.test in {"Bool", "BoolIfExists"}
	lower(c.variable) == "aws:securetransport"
	some v in c.values
	lower(v) == "false"
}

# judged are the buckets whose policies (or lack of one) are known.
judged contains b.id if {
	some b in tf.resources("aws_s3_bucket")
	not unknown_policy(b)
}
