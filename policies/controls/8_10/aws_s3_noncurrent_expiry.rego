# METADATA
# title: Versioned S3 buckets that expire objects also expire their old versions
# description: |
#   On a versioned bucket, a lifecycle rule that expires current objects
#   only hides them behind a delete marker: the data stays as a noncurrent
#   version until a noncurrent version expiration rule removes it. So a
#   versioned bucket (aws_s3_bucket_versioning with status Enabled or
#   Suspended, or the legacy inline versioning block) with an enabled
#   lifecycle rule that expires objects (an aws_s3_bucket_lifecycle_configuration
#   or the legacy inline lifecycle_rule) must also have an enabled rule
#   with noncurrent_version_expiration, or the deletion never happens.
#   Only a plan with lifecycle configurations counts as assessing 8.10: a
#   bucket that expires nothing is not evidence that deletion works.
# custom:
#   controls: ["8.10"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_s3_bucket_lifecycle_configuration"]
#   remediation: |
#     Add to the bucket's lifecycle configuration a rule with
#     noncurrent_version_expiration { noncurrent_days = N } matching the
#     retention period, and expiration { expired_object_delete_marker = true }
#     to clean up delete markers.
package annexa.controls.c8_10.aws_s3_noncurrent_expiry

import data.annexa.lib.aws
import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	versioned(b)
	rules := lifecycle_rules(b)
	some r in rules
	expires_current(r)
	not expires_noncurrent(rules)
	finding := {
		"msg": "S3 bucket expires objects but keeps their noncurrent versions forever, so expired data is never deleted",
		"resource": b.id,
	}
}

# versioning_on and configured are what the separate resources point at,
# collected once so that linking stays linear.
versioning_on := {p |
	some v in tf.resources("aws_s3_bucket_versioning")
	some c in v.attributes.versioning_configuration
	c.status in {"Enabled", "Suspended"}
	some p in tf.pointers(v, "bucket")
}

configured := tf.pointed_at("aws_s3_bucket_lifecycle_configuration", "bucket")

versioned(b) if {
	some k in aws.s3_bucket_keys(b)
	k in versioning_on
}

versioned(b) if {
	some v in object.get(b.attributes, "versioning", [])
	v.enabled == true
}

# lifecycle_rules lists the enabled rules of the bucket, from a separate
# configuration or the legacy inline lifecycle_rule, normalized to
# {"expiration": [...], "noncurrent": [...]}.
lifecycle_rules(b) := array.concat(
	[{"expiration": object.get(r, "expiration", []), "noncurrent": object.get(r, "noncurrent_version_expiration", [])} |
		some c in linked_configurations(b)
		some r in c.attributes.rule
		r.status == "Enabled"
	],
	[{"expiration": object.get(r, "expiration", []), "noncurrent": object.get(r, "noncurrent_version_expiration", [])} |
		some r in object.get(b.attributes, "lifecycle_rule", [])
		r.enabled == true
	],
)

# linked_configurations lists the lifecycle configurations of a bucket,
# looked up by the keys the configurations point at.
linked_configurations(b) := [c |
	some k in aws.s3_bucket_keys(b)
	some c in configurations_by_key[k]
]

# configurations_by_key groups the lifecycle configurations by what they
# point at. The inner comprehension is indexed on k by OPA, so the grouping
# is built in one pass instead of one pass per key.
configurations_by_key := {k: cs |
	some k in configured
	cs := [c |
		some c in tf.resources("aws_s3_bucket_lifecycle_configuration")
		some p in tf.pointers(c, "bucket")
		p == k
	]
}

expires_current(r) if {
	some e in r.expiration
	some field in ["days", "date"]
	set(e[field])
}

expires_noncurrent(rules) if {
	some r in rules
	some n in r.noncurrent
	some field in ["noncurrent_days", "days"]
	set(n[field])
}

# set is true for a value a lifecycle rule actually states: the provider
# writes 0 and "" for the parts of a rule left out.
set(v) if {
	is_number(v)
	v > 0
}

set(v) if {
	is_string(v)
	v != ""
}

# judged are the versioned buckets with a rule that expires current
# objects: only they can keep expired data as noncurrent versions.
judged contains b.id if {
	some b in tf.resources("aws_s3_bucket")
	versioned(b)
	some r in lifecycle_rules(b)
	expires_current(r)
}
