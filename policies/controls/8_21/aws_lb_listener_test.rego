package annexa.controls.c8_21.aws_lb_listener_test

import data.annexa.controls.c8_21.aws_lb_listener as check
import data.annexa.lib.testing

lb(internal) := testing.resource("aws_lb", "public", {"name": "acme-api", "internal": internal, "load_balancer_type": "application"})

listener(name, protocol, port, policy, actions) := testing.with_refs(
	testing.resource("aws_lb_listener", name, {"protocol": protocol, "port": port, "ssl_policy": policy, "default_action": actions}),
	{"load_balancer_arn": ["aws_lb.public"]},
)

redirect := [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]

forward := [{"type": "forward", "target_group_arn": "arn:aws:elasticloadbalancing:eu-west-1:739275460217:targetgroup/api/0123"}]

test_pass_redirect_and_tls13_policy if {
	facts := testing.facts([
		lb(false),
		listener("http", "HTTP", 80, null, redirect),
		listener("https", "HTTPS", 443, "ELBSecurityPolicy-TLS13-1-2-2021-06", forward),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_http_forward_on_public_lb if {
	facts := testing.facts([lb(false), listener("http", "HTTP", 80, null, forward)])
	check.deny == {{
		"msg": "load balancer acme-api listener on port 80 serves requests over plain HTTP (default action forward)",
		"resource": "aws_lb_listener.http",
		"details": {"protocol": "HTTP", "action": "forward"},
	}} with data.facts as facts
}

test_fail_http_on_internal_lb_is_medium if {
	facts := testing.facts([lb(true), listener("http", "HTTP", 8080, null, forward)])
	some f in check.deny with data.facts as facts
	f.severity == "medium"
	startswith(f.msg, "internal load balancer acme-api")
}

test_fail_old_tls_policy if {
	facts := testing.facts([lb(false), listener("https", "HTTPS", 443, "ELBSecurityPolicy-2016-08", forward)])
	some f in check.deny with data.facts as facts
	f.details == {"ssl_policy": "ELBSecurityPolicy-2016-08"}
}

test_fail_tls13_policy_allowing_tls10 if {
	facts := testing.facts([lb(false), listener("tls", "TLS", 5443, "ELBSecurityPolicy-TLS13-1-0-2021-06", forward)])
	count(check.deny) == 1 with data.facts as facts
}

test_fail_no_ssl_policy_uses_default if {
	l := object.union(listener("https", "HTTPS", 443, null, forward), {"unknown": ["ssl_policy"]})
	some f in check.deny with data.facts as testing.facts([lb(false), l])
	f.details == {"ssl_policy": "ELBSecurityPolicy-2016-08 (default)"}
}

test_pass_fixed_response_and_tcp if {
	facts := testing.facts([
		listener("http", "HTTP", 80, null, [{"type": "fixed-response", "fixed_response": [{"status_code": "403"}]}]),
		listener("tcp", "TCP", 5432, null, forward),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_redirect_keeping_http if {
	facts := testing.facts([listener("http", "HTTP", 80, null, [{"type": "redirect", "redirect": [{"protocol": "#{protocol}", "port": "8080"}]}])])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_fips_policy if {
	facts := testing.facts([listener("https", "HTTPS", 443, "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", forward)])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_listener_of_counted_load_balancers if {
	lbs := [object.union(lb(true), {"id": sprintf("aws_lb.public[%d]", [i]), "index": i}) | some i in [0, 1]]
	facts := testing.facts(array.concat(lbs, [listener("http", "HTTP", 80, null, forward)]))
	some f in check.deny with data.facts as facts
	f.msg == "internal load balancer listener on port 80 serves requests over plain HTTP (default action forward)"
	f.severity == "medium"
}

test_fail_redirect_leaving_protocol_out if {
	keep := [{"type": "redirect", "redirect": [{"host": "tools.acme-payments.example", "status_code": "HTTP_301"}]}]
	check.deny == {{
		"msg": "load balancer acme-api listener on port 80 serves requests over plain HTTP (default action redirect)",
		"resource": "aws_lb_listener.http",
		"details": {"protocol": "HTTP", "action": "redirect"},
	}} with data.facts as testing.facts([lb(false), listener("http", "HTTP", 80, null, keep)])
}

test_pass_redirect_protocol_unknown_not_judged if {
	unknown := [{"type": "redirect", "redirect": [{"port": "443", "status_code": "HTTP_301"}]}]
	l := object.union(listener("http", "HTTP", 80, null, unknown), {"unknown": ["default_action.0.redirect.0.protocol"]})
	count(check.deny) == 0 with data.facts as testing.facts([lb(false), l])
}

# protocol left out: unknown in a plan (or null), the provider's default
left_out_protocol := object.union(
	testing.resource("aws_lb_listener", "omitted", {"port": 80, "default_action": [{"type": "forward"}]}),
	{"configured": ["default_action", "port"], "unknown": ["protocol"]},
)

test_fail_protocol_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_protocol])
	some f in findings
	contains(f.msg, "serves requests over plain HTTP")
}

test_pass_protocol_written_but_unknown if {
	written := object.union(left_out_protocol, {"configured": ["default_action", "port", "protocol"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "serves requests over plain HTTP")
	}
}

test_pass_protocol_configuration_unsaid if {
	unsaid := object.remove(left_out_protocol, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "serves requests over plain HTTP")
	}
}

test_pass_judges_web_listeners if {
	facts := testing.facts([
		lb(false),
		listener("http", "HTTP", 80, null, redirect),
		listener("https", "HTTPS", 443, "ELBSecurityPolicy-TLS13-1-2-2021-06", forward),
		listener("tcp", "TCP", 5432, null, forward),
	])
	check.judged == {"aws_lb_listener.http", "aws_lb_listener.https"} with data.facts as facts
}

test_pass_tcp_and_unknown_redirect_not_judged if {
	unknown := [{"type": "redirect", "redirect": [{"port": "443", "status_code": "HTTP_301"}]}]
	l := object.union(listener("http", "HTTP", 80, null, unknown), {"unknown": ["default_action.0.redirect.0.protocol"]})
	count(check.judged) == 0 with data.facts as testing.facts([lb(false), l, listener("tcp", "TCP", 5432, null, forward)])
}

# default_action left out of an HTTP listener: nothing redirects it to HTTPS
no_action := object.union(
	testing.with_refs(
		testing.resource("aws_lb_listener", "bare", {"protocol": "HTTP", "port": 80}),
		{"load_balancer_arn": ["aws_lb.public"]},
	),
	{"configured": ["load_balancer_arn", "port", "protocol"]},
)

test_fail_http_listener_without_default_action if {
	facts := testing.facts([lb(false), no_action])
	check.deny == {{
		"msg": "load balancer acme-api listener on port 80 serves plain HTTP and has no default action that redirects to HTTPS",
		"resource": "aws_lb_listener.bare",
		"details": {"protocol": "HTTP", "action": null},
	}} with data.facts as facts
	check.judged == {"aws_lb_listener.bare"} with data.facts as facts
}

test_pass_default_action_unknown_or_configuration_unsaid if {
	unknown := object.union(no_action, {"configured": ["default_action", "load_balancer_arn", "port", "protocol"], "unknown": ["default_action"]})
	unsaid := object.remove(no_action, ["configured"])
	every l in [unknown, unsaid] {
		count(check.deny) == 0 with data.facts as testing.facts([lb(false), l])
		count(check.judged) == 0 with data.facts as testing.facts([lb(false), l])
	}
}
