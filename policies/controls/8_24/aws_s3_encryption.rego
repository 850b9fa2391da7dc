# METADATA
# title: S3 buckets have server-side encryption configured
# description: |
#   Every S3 bucket must declare its default server-side encryption, either
#   with a separate aws_s3_bucket_server_side_encryption_configuration that
#   refers to it (AWS provider v4 and later) or with the legacy inline
#   server_side_encryption_configuration block. Relying on the account-wide
#   SSE-S3 default leaves the key choice undocumented and unreviewed. The
#   provider computes the inline block when it is not written, so a wholly
#   unknown inline value counts as not configured. A separate configuration
#   links to its bucket by reference, by bucket name or, when it iterates
#   over the buckets with for_each (`bucket = each.value.id`), by its
#   for_each key. A configuration whose rules have no
#   apply_server_side_encryption_by_default (an empty `rule {}`) sets no
#   default encryption: it is a finding of its own.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_s3_bucket
#     - resource:aws_s3_bucket_server_side_encryption_configuration
#   remediation: |
#     Add an aws_s3_bucket_server_side_encryption_configuration for the bucket
#     with apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
#     (and a customer-managed kms_master_key_id where required).
package annexa.controls.c8_24.aws_s3_encryption

import data.annexa.lib.aws
import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	not inline_encryption(b)
	not separate_encryption(b)
	finding := {
		"msg": "S3 bucket has no server-side encryption configuration",
		"resource": b.id,
	}
}

deny contains finding if {
	some c in tf.resources("aws_s3_bucket_server_side_encryption_configuration")
	not sets_default(c)
	not defaults_unknown(c)
	finding := {
		"msg": "S3 encryption configuration has no rule with apply_server_side_encryption_by_default, so it sets no default encryption",
		"resource": c.id,
	}
}

deny contains finding if {
	some c in tf.resources("aws_s3_bucket_server_side_encryption_configuration")
	some rule in object.get(c.attributes, "rule", [])
	some d in object.get(rule, "apply_server_side_encryption_by_default", [])
	is_string(object.get(d, "sse_algorithm", null))
	not d.sse_algorithm in {"AES256", "aws:kms", "aws:kms:dsse"}
	finding := {
		"msg": sprintf("S3 encryption configuration uses unknown algorithm %q", [d.sse_algorithm]),
		"resource": c.id,
	}
}

inline_encryption(b) if {
	some cfg in object.get(b.attributes, "server_side_encryption_configuration", [])
	some rule in object.get(cfg, "rule", [])
	count(object.get(rule, "apply_server_side_encryption_by_default", [])) > 0
}

# sets_default is true when some rule of configuration c has an
# apply_server_side_encryption_by_default block.
sets_default(c) if {
	some rule in object.get(c.attributes, "rule", [])
	count(object.get(rule, "apply_server_side_encryption_by_default", [])) > 0
}

# defaults_unknown is true when the rules of c, or their default blocks,
# are only known after apply (a dynamic block over an unknown value).
defaults_unknown(c) if tf.is_unknown(c, "rule")

defaults_unknown(c) if {
	some p in object.get(c, "unknown", [])
	startswith(p, "rule.")
}

# configured is what the encryption configurations point at, collected once.
configured := aws.s3_companions_pointed_at("aws_s3_bucket_server_side_encryption_configuration")

separate_encryption(b) if {
	some k in aws.s3_bucket_keys(b)
	k in configured
}

# judged are the buckets (each needs an encryption configuration) and the
# encryption configurations whose rules are known.
judged := tf.ids(["aws_s3_bucket"]) | {c.id |
	some c in tf.resources("aws_s3_bucket_server_side_encryption_configuration")
	not defaults_unknown(c)
}
