# METADATA
# title: Internet-facing web applications are behind AWS WAF
# description: |
#   Web applications published to the internet must be protected by a web
#   application firewall that filters common attacks (injection, cross-site
#   scripting, known bad inputs, bots) before they reach the application.
#   An internet-facing application load balancer (aws_lb or aws_alb with
#   load_balancer_type application, internal false or unset) is a finding
#   when no aws_wafv2_web_acl_association (or legacy
#   aws_wafregional_web_acl_association) points at it; a CloudFront
#   distribution is a finding when its web_acl_id is empty. Internal load
#   balancers, network load balancers and values set from other resources
#   are not judged. A WAF supports, but does not replace, the application's own security
#   requirements.
# custom:
#   controls: ["8.26"]
#   severity: medium
#   coverage: supporting
#   inputs:
#     - resource:aws_lb
#     - resource:aws_alb
#     - resource:aws_cloudfront_distribution
#   remediation: |
#     Create an aws_wafv2_web_acl (with the AWS managed core rule set, known
#     bad inputs and IP reputation rule groups, and a rate limit) and
#     associate it with the load balancer (aws_wafv2_web_acl_association) or
#     set it as web_acl_id on the distribution (scope CLOUDFRONT).
package annexa.controls.c8_26.aws_waf

import data.annexa.lib.tf

deny contains finding if {
	some t in ["aws_lb", "aws_alb"]
	some lb in tf.resources(t)
	object.get(lb.attributes, "load_balancer_type", "application") in {"application", null}
	not is_internal(lb)
	not protected(lb)
	finding := {
		"msg": sprintf("internet-facing load balancer %s has no web application firewall (no WAF web ACL is associated with it)", [name_or_comment(lb)]),
		"resource": lb.id,
	}
}

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	not tf.configured(d, "web_acl_id")
	finding := {
		"msg": sprintf("CloudFront distribution %s has no web application firewall (web_acl_id is empty)", [name_or_comment(d)]),
		"resource": d.id,
	}
}

# is_internal is true for a load balancer that is internal, or may be: one
# whose internal attribute refers to something known only after apply. Left
# unset (unknown in a plan, absent in source) it defaults to false, i.e.
# internet-facing.
is_internal(lb) if lb.attributes.internal == true

is_internal(lb) if count(object.get(lb, ["references", "internal"], [])) > 0

# associated is everything a WAF web ACL association points at, collected
# once.
associated := tf.pointed_at("aws_wafv2_web_acl_association", "resource_arn") | tf.pointed_at("aws_wafregional_web_acl_association", "resource_arn")

protected(lb) if {
	some k in tf.identities(lb)
	k in associated
}

# name_or_comment names a load balancer or distribution in messages: its
# name, its comment, or its address.
name_or_comment(r) := r.attributes.name if is_string(r.attributes.name)

else := r.attributes.comment if {
	is_string(r.attributes.comment)
	r.attributes.comment != ""
} else := r.id

# judged are the internet-facing application load balancers and the
# CloudFront distributions.
judged contains lb.id if {
	some t in ["aws_lb", "aws_alb"]
	some lb in tf.resources(t)
	object.get(lb.attributes, "load_balancer_type", "application") in {"application", null}
	not is_internal(lb)
}

judged contains d.id if some d in tf.resources("aws_cloudfront_distribution")
