package annexa.controls.c8_21.aws_cloudfront_test

import data.annexa.controls.c8_21.aws_cloudfront as check
import data.annexa.lib.testing

distribution(policy, ordered, cert, origin_policy) := testing.resource("aws_cloudfront_distribution", "web", {
	"comment": "acme-payments checkout",
	"enabled": true,
	"default_cache_behavior": [{"target_origin_id": "alb", "viewer_protocol_policy": policy}],
	"ordered_cache_behavior": ordered,
	"viewer_certificate": [cert],
	"origin": [{"origin_id": "alb", "domain_name": "api.acme-payments.example", "custom_origin_config": [{"origin_protocol_policy": origin_policy, "http_port": 80, "https_port": 443, "origin_ssl_protocols": ["TLSv1.2"]}]}],
})

acm_cert(version) := {"acm_certificate_arn": "arn:aws:acm:us-east-1:739275460217:certificate/abc", "cloudfront_default_certificate": false, "minimum_protocol_version": version, "ssl_support_method": "sni-only"}

test_pass_https_everywhere if {
	d := distribution("redirect-to-https", [{"path_pattern": "/static/*", "viewer_protocol_policy": "https-only"}], acm_cert("TLSv1.2_2021"), "https-only")
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_fail_allow_all_on_ordered_behaviour if {
	d := distribution("redirect-to-https", [{"path_pattern": "/legacy/*", "viewer_protocol_policy": "allow-all"}], acm_cert("TLSv1.2_2021"), "https-only")
	check.deny == {{
		"msg": "CloudFront distribution acme-payments checkout serves path /legacy/* over plain HTTP (viewer_protocol_policy allow-all)",
		"resource": "aws_cloudfront_distribution.web",
		"details": {"path_pattern": "/legacy/*", "viewer_protocol_policy": "allow-all"},
	}} with data.facts as testing.facts([d])
}

test_fail_old_minimum_protocol if {
	d := distribution("https-only", [], acm_cert("TLSv1_2016"), "https-only")
	some f in check.deny with data.facts as testing.facts([d])
	f.details == {"minimum_protocol_version": "TLSv1_2016"}
}

test_fail_default_certificate_stays_tlsv1 if {
	cert := {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}
	d := distribution("redirect-to-https", [], cert, "https-only")
	findings := check.deny with data.facts as testing.facts([d])
	count(findings) == 1
	some f in findings
	f.details == {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}
	contains(f.msg, "default *.cloudfront.net certificate")
}

test_fail_default_certificate_whatever_minimum_says if {
	# Source that sets only the flag, and a minimum CloudFront ignores on it.
	for_source := {"cloudfront_default_certificate": true}
	ignored := {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1.2_2021"}
	every cert in [for_source, ignored] {
		d := distribution("https-only", [], cert, "https-only")
		count(check.deny) == 1 with data.facts as testing.facts([d])
		check.judged == {d.id} with data.facts as testing.facts([d])
	}
}

test_pass_custom_certificate_judged if {
	d := distribution("https-only", [], acm_cert("TLSv1.2_2019"), "https-only")
	count(check.deny) == 0 with data.facts as testing.facts([d])
	check.judged == {d.id} with data.facts as testing.facts([d])
}

test_fail_http_only_origin if {
	d := distribution("redirect-to-https", [], acm_cert("TLSv1.2_2021"), "http-only")
	some f in check.deny with data.facts as testing.facts([d])
	f.severity == "medium"
	f.details.origin_id == "alb"
}

test_fail_minimum_protocol_left_out_defaults_to_tlsv1 if {
	cert := {"acm_certificate_arn": "arn:aws:acm:us-east-1:739275460217:certificate/abc", "ssl_support_method": "sni-only"}
	d := distribution("redirect-to-https", [], cert, "https-only")
	check.deny == {{
		"msg": "CloudFront distribution acme-payments checkout accepts TLS older than 1.2 (minimum_protocol_version TLSv1)",
		"resource": "aws_cloudfront_distribution.web",
		"details": {"minimum_protocol_version": "TLSv1"},
	}} with data.facts as testing.facts([d])
}

test_pass_unknown_minimum_protocol_not_judged if {
	cert := {"acm_certificate_arn": "arn:aws:acm:us-east-1:739275460217:certificate/abc", "ssl_support_method": "sni-only"}
	d := object.union(distribution("redirect-to-https", [], cert, "https-only"), {"unknown": ["viewer_certificate.0.minimum_protocol_version"]})
	count(check.deny) == 0 with data.facts as testing.facts([d])
}

test_pass_judges_known_distributions if {
	d := distribution("redirect-to-https", [], acm_cert("TLSv1.2_2021"), "https-only")
	check.judged == {"aws_cloudfront_distribution.web"} with data.facts as testing.facts([d])
	u := object.union(testing.resource("aws_cloudfront_distribution", "web", {}), {"unknown": ["default_cache_behavior", "viewer_certificate", "origin"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}

test_fail_allow_all_on_ordered_behaviour_without_path_pattern if {
	# path_pattern left out (or known only after apply) must not silence the
	# behaviour's protocol policy.
	d := distribution("https-only", [{"viewer_protocol_policy": "allow-all"}], acm_cert("TLSv1.2_2021"), "https-only")
	check.deny == {{
		"msg": "CloudFront distribution acme-payments checkout serves an ordered cache behaviour whose path_pattern is not known over plain HTTP (viewer_protocol_policy allow-all)",
		"resource": "aws_cloudfront_distribution.web",
		"details": {"path_pattern": null, "viewer_protocol_policy": "allow-all"},
	}} with data.facts as testing.facts([d])
}
