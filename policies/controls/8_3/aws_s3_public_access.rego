# METADATA
# title: S3 buckets block public access and grant nothing to everyone
# description: |
#   Access to stored information is restricted: every S3 bucket has all four
#   public access block settings on, each either in its own
#   aws_s3_bucket_public_access_block (linked by reference, by bucket name,
#   or by the for_each key of a block iterating over the buckets) or in the
#   account-wide aws_s3_account_public_access_block: AWS applies the most
#   restrictive of the two per setting, so they are combined per setting.
#   An account-level block with a setting off is a finding of its own (it
#   leaves every bucket without a block of its own open on that setting),
#   and so is a bucket-level block with a setting off that the account does
#   not cover. A setting left out of a block is off (the provider's default
#   is false); a setting unknown until apply is not judged off, and an
#   unknown account-level setting is taken as covering the buckets. No
#   bucket ACL may grant read or write to everyone or to any authenticated
#   AWS user.
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
	some pab in tf.resources("aws_s3_account_public_access_block")
	off := weak_settings(pab)
	count(off) > 0
	finding := {
		"msg": sprintf("account-level S3 public access block leaves %s off for every bucket without a block of its own", [concat(", ", off)]),
		"resource": pab.id,
		"details": {"settings_off": off},
	}
}

deny contains finding if {
	some pab in tf.resources("aws_s3_bucket_public_access_block")
	off := [s | some s in weak_settings(pab); not covered(s)]
	count(off) > 0
	finding := {
		"msg": sprintf("public access block leaves %s off, and no account-level block turns it on", [concat(", ", off)]),
		"resource": pab.id,
		"details": {"settings_off": off},
	}
}

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	not has_block(b)
	off := [s | some s in settings; not covered(s)]
	count(off) > 0
	finding := {
		"msg": no_block_msg(off),
		"resource": b.id,
		"details": {"settings_off": off},
	}
}

deny contains finding if {
	some acl in tf.resources("aws_s3_bucket_acl")
	canned := object.get(acl.attributes, "acl", null)
	canned in public_acls
	finding := {"msg": sprintf("bucket ACL %q makes objects public", [canned]), "resource": acl.id}
}

deny contains finding if {
	some acl in tf.resources("aws_s3_bucket_acl")
	some policy in object.get(acl.attributes, "access_control_policy", [])
	some grant in object.get(policy, "grant", [])
	some grantee in object.get(grant, "grantee", [])
	object.get(grantee, "uri", null) in public_grantees
	finding := {
		"msg": sprintf("bucket ACL grants %s to %s", [object.get(grant, "permission", "access"), grantee.uri]),
		"resource": acl.id,
	}
}

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	canned := object.get(b.attributes, "acl", null)
	canned in public_acls
	finding := {"msg": sprintf("bucket ACL %q makes objects public", [canned]), "resource": b.id}
}

no_block_msg(off) := "S3 bucket has no public access block" if {
	count(tf.resources("aws_s3_account_public_access_block")) == 0
} else := sprintf("S3 bucket has no public access block of its own, and the account-level block leaves %s off", [concat(", ", off)])

# weak_settings are the settings a block has off: false, or left out to
# the provider's default false (a plan shows false; Terraform source fills
# the default in).
weak_settings(pab) := [s |
	some s in settings
	off(pab, s)
]

off(pab, s) if tf.explicitly_false(pab, s)

off(pab, s) if {
	tf.omitted(pab, s)
	not s in object.keys(pab.attributes)
	not tf.is_unknown(pab, s)
}

# account_on are the settings the account-level block turns on, or leaves
# unknown until apply (not judged off).
account_on contains s if {
	some pab in tf.resources("aws_s3_account_public_access_block")
	some s in settings
	not off(pab, s)
}

covered(s) if s in account_on

# blocked is what the public access blocks point at, collected once so that
# linking buckets to blocks stays linear.
blocked := aws.s3_companions_pointed_at("aws_s3_bucket_public_access_block")

has_block(b) if {
	some k in aws.s3_bucket_keys(b)
	k in blocked
}

# judged are the buckets (each needs a public access block, or the
# account's), the public access blocks of either level with a known or
# left-out setting, and the bucket ACLs with a known canned ACL or grants.
judged := (tf.ids(["aws_s3_bucket"]) | {pab.id |
	some t in ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"]
	some pab in tf.resources(t)
	some s in settings
	decided(pab, s)
}) | {acl.id |
	some acl in tf.resources("aws_s3_bucket_acl")
	acl_known(acl)
}

decided(pab, s) if is_boolean(pab.attributes[s])

decided(pab, s) if off(pab, s)

acl_known(acl) if is_string(acl.attributes.acl)

acl_known(acl) if count(object.get(acl.attributes, "access_control_policy", [])) > 0
