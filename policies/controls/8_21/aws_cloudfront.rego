# METADATA
# title: CloudFront distributions use HTTPS with TLS 1.2 or later
# description: |
#   CloudFront distributions must not serve viewers over plain HTTP and must
#   not accept TLS older than 1.2. A cache behaviour (the default or an
#   ordered one) with viewer_protocol_policy allow-all is a finding
#   (redirect-to-https and https-only are fine). A distribution with its
#   own certificate (acm_certificate_arn or iam_certificate_id) whose
#   viewer_certificate.minimum_protocol_version is older than TLSv1.2
#   (SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016) is a finding, and so is one
#   that leaves minimum_protocol_version out: the provider then sets
#   TLSv1. A distribution on the default *.cloudfront.net certificate
#   (cloudfront_default_certificate = true) is a finding as well: CloudFront
#   keeps its security policy at TLSv1 whatever minimum_protocol_version
#   says, so viewers can still negotiate TLS 1.0 and 1.1; serve it under
#   your own domain with an ACM certificate instead. A custom origin reached
#   with origin_protocol_policy http-only is a finding too: the hop from
#   CloudFront to the origin is then in clear text.
# custom:
#   controls: ["8.21", "8.24"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:aws_cloudfront_distribution"]
#   remediation: |
#     Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on
#     every cache behaviour, minimum_protocol_version = "TLSv1.2_2021" on
#     the viewer certificate, and origin_protocol_policy = "https-only" on
#     custom origins.
package annexa.controls.c8_21.aws_cloudfront

import data.annexa.lib.tf
import data.annexa.lib.values

modern_versions := `^TLSv1\.[23]_`

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	some b in behaviours(d)
	b.behaviour.viewer_protocol_policy == "allow-all"
	finding := {
		"msg": sprintf("CloudFront distribution %s serves %s over plain HTTP (viewer_protocol_policy allow-all)", [comment_or_id(d), b.path]),
		"resource": d.id,
		"details": {"path_pattern": b.pattern, "viewer_protocol_policy": "allow-all"},
	}
}

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	some c in d.attributes.viewer_certificate
	c.cloudfront_default_certificate == true
	finding := {
		"msg": sprintf("CloudFront distribution %s uses the default *.cloudfront.net certificate, whose security policy stays at TLSv1 (TLS older than 1.2 accepted)", [comment_or_id(d)]),
		"resource": d.id,
		"details": {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"},
		"remediation": "Serve the distribution under your own domain (aliases) with an ACM certificate in us-east-1, ssl_support_method = \"sni-only\" and minimum_protocol_version = \"TLSv1.2_2021\".",
	}
}

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	some i, c in d.attributes.viewer_certificate
	not c.cloudfront_default_certificate == true
	v := minimum_protocol_version(d, i, c)
	not regex.match(modern_versions, v)
	finding := {
		"msg": sprintf("CloudFront distribution %s accepts TLS older than 1.2 (minimum_protocol_version %s)", [comment_or_id(d), v]),
		"resource": d.id,
		"details": {"minimum_protocol_version": v},
	}
}

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	some o in object.get(d.attributes, "origin", [])
	some c in object.get(o, "custom_origin_config", [])
	c.origin_protocol_policy == "http-only"
	finding := {
		"msg": sprintf("CloudFront distribution %s reaches origin %s over plain HTTP (origin_protocol_policy http-only)", [comment_or_id(d), object.get(o, "origin_id", "(no origin_id)")]),
		"resource": d.id,
		"details": {"origin_id": object.get(o, "origin_id", null), "origin_protocol_policy": "http-only"},
		"severity": "medium",
	}
}

# minimum_protocol_version reads the version of viewer certificate i of
# distribution d, one left out (absent in source, null) as the provider's
# default, TLSv1. One known only after apply is not judged.
minimum_protocol_version(_, _, c) := c.minimum_protocol_version if is_string(c.minimum_protocol_version)

minimum_protocol_version(d, i, c) := "TLSv1" if {
	object.get(c, "minimum_protocol_version", null) == null
	not tf.is_unknown(d, sprintf("viewer_certificate.%d.minimum_protocol_version", [i]))
}

# behaviours lists the cache behaviours of a distribution with the path
# they serve: "every path" for the default behaviour. An ordered behaviour
# whose path_pattern is absent or unknown is still listed, so its protocol
# policy is judged.
behaviours(d) := array.concat(
	[{"pattern": "(default)", "path": "every path", "behaviour": b} | some b in values.array_or_empty(d.attributes.default_cache_behavior)],
	[{"pattern": pattern, "path": ordered_path(pattern), "behaviour": b} |
		some b in values.array_or_empty(d.attributes.ordered_cache_behavior)
		pattern := object.get(b, "path_pattern", null)
	],
)

# ordered_path names the paths an ordered behaviour serves in messages.
ordered_path(pattern) := sprintf("path %s", [pattern]) if is_string(pattern)

else := "an ordered cache behaviour whose path_pattern is not known"

# comment_or_id names a distribution in messages: its comment, or its
# address (distributions have no name).
comment_or_id(d) := d.attributes.comment if {
	is_string(d.attributes.comment)
	d.attributes.comment != ""
} else := d.id

# judged are the distributions with a known viewer protocol policy, the
# default certificate, a custom certificate whose minimum protocol is known
# (or defaulted), or a known origin protocol policy.
judged contains d.id if {
	some d in tf.resources("aws_cloudfront_distribution")
	some b in behaviours(d)
	is_string(b.behaviour.viewer_protocol_policy)
}

judged contains d.id if {
	some d in tf.resources("aws_cloudfront_distribution")
	some c in d.attributes.viewer_certificate
	c.cloudfront_default_certificate == true
}

judged contains d.id if {
	some d in tf.resources("aws_cloudfront_distribution")
	some i, c in d.attributes.viewer_certificate
	not c.cloudfront_default_certificate == true
	minimum_protocol_version(d, i, c)
}

judged contains d.id if {
	some d in tf.resources("aws_cloudfront_distribution")
	some o in d.attributes.origin
	some c in o.custom_origin_config
	is_string(c.origin_protocol_policy)
}
