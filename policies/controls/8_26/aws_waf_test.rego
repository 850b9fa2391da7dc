package annexa.controls.c8_26.aws_waf_test

import data.annexa.controls.c8_26.aws_waf as check
import data.annexa.lib.testing

lb(internal, type) := testing.resource("aws_lb", "api", {"name": "acme-api", "internal": internal, "load_balancer_type": type})

association := testing.with_refs(
	object.union(testing.resource("aws_wafv2_web_acl_association", "api", {}), {"unknown": ["resource_arn", "web_acl_arn"]}),
	{"resource_arn": ["aws_lb.api"], "web_acl_arn": ["aws_wafv2_web_acl.main"]},
)

test_pass_public_alb_with_waf if {
	count(check.deny) == 0 with data.facts as testing.facts([lb(false, "application"), association])
}

test_fail_public_alb_without_waf if {
	check.deny == {{
		"msg": "internet-facing load balancer acme-api has no web application firewall (no WAF web ACL is associated with it)",
		"resource": "aws_lb.api",
	}} with data.facts as testing.facts([lb(false, "application")])
}

test_pass_internal_and_network_lbs_not_judged if {
	facts := testing.facts([
		lb(true, "application"),
		testing.resource("aws_lb", "nlb", {"name": "nlb", "internal": false, "load_balancer_type": "network"}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_cloudfront_without_acl if {
	d := testing.resource("aws_cloudfront_distribution", "web", {"comment": "checkout", "web_acl_id": ""})
	count(check.deny) == 1 with data.facts as testing.facts([d])
}

test_pass_cloudfront_with_acl_reference if {
	d := testing.with_refs(
		object.union(testing.resource("aws_cloudfront_distribution", "web", {"comment": "checkout"}), {"unknown": ["web_acl_id"]}),
		{"web_acl_id": ["aws_wafv2_web_acl.edge"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_fail_internal_left_unset_defaults_to_internet_facing if {
	l := object.union(testing.resource("aws_lb", "api", {"name": "acme-api"}), {"unknown": ["internal", "load_balancer_type"]})
	count(check.deny) == 1 with data.facts as testing.facts([l])
}

test_pass_judges_internet_facing_entry_points if {
	check.judged == {"aws_lb.api"} with data.facts as testing.facts([lb(false, "application"), association])
	facts := testing.facts([
		lb(true, "application"),
		testing.resource("aws_lb", "nlb", {"name": "nlb", "internal": false, "load_balancer_type": "network"}),
	])
	count(check.judged) == 0 with data.facts as facts
}
