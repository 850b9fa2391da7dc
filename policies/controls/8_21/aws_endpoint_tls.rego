# METADATA
# title: API Gateway and OpenSearch endpoints require TLS 1.2 or later
# description: |
#   Managed AWS service endpoints that clients reach over the network must
#   not accept TLS older than 1.2. An API Gateway custom domain name
#   (aws_api_gateway_domain_name, or the domain_name_configuration of
#   aws_apigatewayv2_domain_name) with security_policy TLS_1_0 is a finding.
#   An OpenSearch or Elasticsearch domain is a finding when its
#   domain_endpoint_options set enforce_https = false or
#   tls_security_policy Policy-Min-TLS-1-0-2019-07.
# custom:
#   controls: ["8.21", "8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_api_gateway_domain_name
#     - resource:aws_apigatewayv2_domain_name
#     - resource:aws_opensearch_domain
#     - resource:aws_elasticsearch_domain
#   remediation: |
#     Set security_policy = "TLS_1_2" on API Gateway domain names; set
#     domain_endpoint_options { enforce_https = true, tls_security_policy =
#     "Policy-Min-TLS-1-2-2019-07" } on search domains.
package annexa.controls.c8_21.aws_endpoint_tls

import data.annexa.lib.tf

deny contains finding if {
	some d in tf.resources("aws_api_gateway_domain_name")
	d.attributes.security_policy == "TLS_1_0"
	finding := api_finding(d, d.attributes.security_policy)
}

deny contains finding if {
	some d in tf.resources("aws_apigatewayv2_domain_name")
	some c in d.attributes.domain_name_configuration
	c.security_policy == "TLS_1_0"
	finding := api_finding(d, c.security_policy)
}

deny contains finding if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
	some o in d.attributes.domain_endpoint_options
	o.enforce_https == false
	finding := {
		"msg": sprintf("search domain %s accepts plain HTTP (enforce_https = false)", [tf.attribute_or_id(d, "domain_name")]),
		"resource": d.id,
		"details": {"enforce_https": false},
	}
}

deny contains finding if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
	some o in d.attributes.domain_endpoint_options
	o.tls_security_policy == "Policy-Min-TLS-1-0-2019-07"
	finding := {
		"msg": sprintf("search domain %s accepts TLS 1.0 (tls_security_policy %s)", [tf.attribute_or_id(d, "domain_name"), o.tls_security_policy]),
		"resource": d.id,
		"details": {"tls_security_policy": o.tls_security_policy},
	}
}

# A domain that leaves domain_endpoint_options out gets the provider's
# choice (unknown in a plan), and AWS then enforces neither HTTPS nor a
# modern TLS policy.
deny contains finding if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
	tf.omitted(d, "domain_endpoint_options")
	not is_array(object.get(d.attributes, "domain_endpoint_options", null))
	finding := {
		"msg": sprintf("search domain %s leaves domain_endpoint_options out, so it accepts plain HTTP (enforce_https is off unless set)", [tf.attribute_or_id(d, "domain_name")]),
		"resource": d.id,
		"details": {"domain_endpoint_options": "left out"},
	}
}

api_finding(d, policy) := {
	"msg": sprintf("API Gateway domain %s accepts TLS 1.0 (security_policy %s)", [tf.attribute_or_id(d, "domain_name"), policy]),
	"resource": d.id,
	"details": {"security_policy": policy},
}

# judged are the API Gateway domains whose security policy is known and
# the search domains whose endpoint options are known or left out to the
# provider's default.
judged contains d.id if {
	some d in tf.resources("aws_api_gateway_domain_name")
	is_string(d.attributes.security_policy)
}

judged contains d.id if {
	some d in tf.resources("aws_apigatewayv2_domain_name")
	some c in d.attributes.domain_name_configuration
	is_string(c.security_policy)
}

judged contains d.id if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
	some o in d.attributes.domain_endpoint_options
	options_known(o)
}

judged contains d.id if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
	tf.omitted(d, "domain_endpoint_options")
	not is_array(object.get(d.attributes, "domain_endpoint_options", null))
}

options_known(o) if is_boolean(o.enforce_https)

options_known(o) if is_string(o.tls_security_policy)
