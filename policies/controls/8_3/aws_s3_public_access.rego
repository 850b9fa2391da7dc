# METADATA
# title: S3 buckets block public access and grant nothing to everyone
# description: |
#   Access to stored information is restricted: every S3 bucket has a public
#   access block with all four settings on (its own, linked by reference or
#   by bucket name, or the account-wide aws_s3_account_public_access_block),
#   and no bucket ACL grants read or write to everyone or to any
#   authenticated AWS user.
# custom:
#   controls: ["8.3"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_s3_bucket
#     - resource:aws_s3_bucket_public_access_block
#     - resource:aws_s3_bucket_acl
#     - resource:aws_s3_account_public_access_block
#   remediation: |
#     Add an aws_s3_bucket_public_access_block for the bucket with
#     block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets all true; use acl = "private" and share data
#     through CloudFront or pre-signed URLs instead.
package annexa.controls.c8_3.aws_s3_public_access

import data.annexa.lib.aws
import data.annexa.lib.tf

settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

public_acls := {"public-read", "public-read-write", "authenticated-read"}

public_grantees := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

deny contains finding if {
	some pab in tf.resources("aws_s3_bucket_public_access_block")
	off := weak_settings(pab)
	count(off) > 0
	finding := {
		"msg": sprintf("public access block leaves %s off", [concat(", ", off)]),
		"resource": pab.id,
		"details": {"settings_off": off},
	}
}

deny contains finding if {
	not account_blocked
	some b in tf.resources("aws_s3_bucket")
	not has_block(b)
	finding := {"msg": "S3 bucket has no public access block", "resource": b.id}
}

deny contains finding if {
	some acl in tf.resources("aws_s3_bucket_acl")
	acl.attributes.acl in public_acls
	finding := {"msg": sprintf("bucket ACL %q makes objects public", [acl.attributes.acl]), "resource": acl.id}
}

deny contains finding if {
	some acl in tf.resources("aws_s3_bucket_acl")
	some policy in object.get(acl.attributes, "access_control_policy", [])
	some grant in policy.grant
	some grantee in grant.grantee
	grantee.uri in public_grantees
	finding := {
		"msg": sprintf("bucket ACL grants %s to %s", [grant.permission, grantee.uri]),
		"resource": acl.id,
	}
}

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	b.attributes.acl in public_acls
	finding := {"msg": sprintf("bucket ACL %q makes objects public", [b.attributes.acl]), "resource": b.id}
}

weak_settings(pab) := [s |
	some s in settings
	tf.explicitly_false(pab, s)
]

# blocked is what the public access blocks point at, collected once so that
# linking buckets to blocks stays linear.
blocked := tf.pointed_at("aws_s3_bucket_public_access_block", "bucket")

has_block(b) if {
	some k in aws.s3_bucket_keys(b)
	k in blocked
}

account_blocked if {
	some pab in tf.resources("aws_s3_account_public_access_block")
	every s in settings {
		pab.attributes[s] == true
	}
}

# judged are the buckets (each needs a public access block, or the
# account's), the public access blocks with a known setting and the
# bucket ACLs with a known canned ACL or grants.
judged := (tf.ids(["aws_s3_bucket"]) | {pab.id |
	some pab in tf.resources("aws_s3_bucket_public_access_block")
	some s in settings
	is_boolean(pab.attributes[s])
}) | {acl.id |
	some acl in tf.resources("aws_s3_bucket_acl")
	acl_known(acl)
}

acl_known(acl) if is_string(acl.attributes.acl)

acl_known(acl) if count(object.get(acl.attributes, "access_control_policy", [])) > 0
