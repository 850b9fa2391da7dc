package annexa.controls.c8_21.aws_endpoint_tls_test

import data.annexa.controls.c8_21.aws_endpoint_tls as check
import data.annexa.lib.testing

test_pass_tls12_everywhere if {
	facts := testing.facts([
		testing.resource("aws_api_gateway_domain_name", "api", {"domain_name": "api.acme-payments.example", "security_policy": "TLS_1_2"}),
		testing.resource("aws_apigatewayv2_domain_name", "ws", {"domain_name": "ws.acme-payments.example", "domain_name_configuration": [{"security_policy": "TLS_1_2", "endpoint_type": "REGIONAL"}]}),
		testing.resource("aws_opensearch_domain", "logs", {"domain_name": "logs", "domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_api_gateway_tls10 if {
	facts := testing.facts([testing.resource("aws_api_gateway_domain_name", "api", {"domain_name": "api.acme-payments.example", "security_policy": "TLS_1_0"})])
	check.deny == {{
		"msg": "API Gateway domain api.acme-payments.example accepts TLS 1.0 (security_policy TLS_1_0)",
		"resource": "aws_api_gateway_domain_name.api",
		"details": {"security_policy": "TLS_1_0"},
	}} with data.facts as facts
}

test_fail_opensearch_http_and_tls10 if {
	facts := testing.facts([testing.resource("aws_elasticsearch_domain", "logs", {"domain_name": "logs", "domain_endpoint_options": [{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]})])
	count(check.deny) == 2 with data.facts as facts
}

# domain_endpoint_options left out: unknown in a plan (or null), the provider's default
left_out_domain_endpoint_options := object.union(
	testing.resource("aws_opensearch_domain", "omitted", {"domain_name": "search"}),
	{"configured": ["domain_name"], "unknown": ["domain_endpoint_options"]},
)

test_fail_domain_endpoint_options_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_domain_endpoint_options])
	some f in findings
	contains(f.msg, "leaves domain_endpoint_options out")
}

test_pass_domain_endpoint_options_written_but_unknown if {
	written := object.union(left_out_domain_endpoint_options, {"configured": ["domain_endpoint_options", "domain_name"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "leaves domain_endpoint_options out")
	}
}

test_pass_domain_endpoint_options_configuration_unsaid if {
	unsaid := object.remove(left_out_domain_endpoint_options, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "leaves domain_endpoint_options out")
	}
}

test_pass_judges_known_endpoints if {
	api := testing.resource("aws_api_gateway_domain_name", "api", {"domain_name": "api.acme-payments.example", "security_policy": "TLS_1_2"})
	check.judged == {"aws_api_gateway_domain_name.api"} with data.facts as testing.facts([api])
	check.judged == {"aws_opensearch_domain.omitted"} with data.facts as testing.facts([left_out_domain_endpoint_options])
}

test_pass_unknown_endpoints_not_judged if {
	api := object.union(testing.resource("aws_api_gateway_domain_name", "api", {}), {"unknown": ["security_policy"]})
	search := object.union(testing.resource("aws_opensearch_domain", "logs", {}), {"unknown": ["domain_endpoint_options"]})
	count(check.judged) == 0 with data.facts as testing.facts([api, search])
}
