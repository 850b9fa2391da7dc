package main

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

const (
	edgeTF       = "../../testdata/tf/aws-edge"
	edgePlanStem = "../../testdata/plans/aws-edge-"
)

// edgeFindings are the findings (policy resource) of the noncompliant AWS
// edge stack, in its plan and in its source alike (testdata/plans/README.md).
var edgeFindings = []string{
	"c8_15.aws_lb_access_logs aws_lb.partner",
	"c8_15.aws_lb_access_logs aws_lb.tools",
	"c8_20.aws_default_security_group aws_default_security_group.edge",
	"c8_20.aws_network_acl aws_network_acl.public",
	"c8_21.aws_cloudfront aws_cloudfront_distribution.docs",
	"c8_21.aws_cloudfront aws_cloudfront_distribution.web",
	"c8_21.aws_endpoint_tls aws_api_gateway_domain_name.api",
	"c8_21.aws_endpoint_tls aws_opensearch_domain.catalog",
	"c8_21.aws_endpoint_tls aws_opensearch_domain.logs",
	"c8_21.aws_lb_listener aws_lb_listener.ledger_tls",
	"c8_21.aws_lb_listener aws_lb_listener.partner_https",
	"c8_21.aws_lb_listener aws_lb_listener.public_http",
	"c8_21.aws_lb_listener aws_lb_listener.public_https",
	"c8_21.aws_lb_listener aws_lb_listener.tools_http",
	"c8_23.aws_dns_firewall aws_route53_resolver_firewall_config.edge",
	"c8_23.aws_dns_firewall aws_route53_resolver_firewall_rule_group.egress",
	"c8_23.aws_dns_firewall aws_vpc.edge",
	"c8_26.aws_waf aws_cloudfront_distribution.docs",
	"c8_26.aws_waf aws_lb.partner",
}

// edgeControls are the controls whose AWS policies the edge stack
// exercises; its resources alone assess them (the 8.21 policies also
// serve 8.24).
var edgeControls = []string{"8.21", "8.23", "8.24", "8.26"}

func TestCheckEdgeStack(t *testing.T) {
	t.Parallel()
	checkStack(t, edgeTF, edgePlanStem, edgeFindings, edgeControls, "8.23", "8.26")
}

// TestEdgeSourceLines checks that findings in the edge stack's source
// point at the resource block, also those that rest on a provider default
// the source leaves out (a redirect's protocol, a listener's ssl_policy, a
// viewer certificate's minimum_protocol_version) and those on a resource
// that something else fails to point at (a load balancer no web ACL
// association names, a VPC no DNS Firewall association names).
func TestEdgeSourceLines(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(edgeTF, "noncompliant")
	sources := findingSources(t, dir, func(f engine.Finding) string { return f.Policy + " " + f.Resource })
	for finding, decl := range map[string]struct{ file, block string }{
		"c8_21.aws_lb_listener aws_lb_listener.tools_http":      {"load_balancers.tf", `resource "aws_lb_listener" "tools_http"`},
		"c8_21.aws_lb_listener aws_lb_listener.partner_https":   {"load_balancers.tf", `resource "aws_lb_listener" "partner_https"`},
		"c8_21.aws_cloudfront aws_cloudfront_distribution.docs": {"cdn.tf", `resource "aws_cloudfront_distribution" "docs"`},
		"c8_26.aws_waf aws_lb.partner":                          {"load_balancers.tf", `resource "aws_lb" "partner"`},
		"c8_23.aws_dns_firewall aws_vpc.edge":                   {"network.tf", `resource "aws_vpc" "edge"`},
	} {
		path := filepath.Join(dir, decl.file)
		if want := path + ":" + strconv.Itoa(declLine(t, path, decl.block)); sources[finding] != want {
			t.Errorf("%s is sourced at %q, want %q", finding, sources[finding], want)
		}
	}
}
