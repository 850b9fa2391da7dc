# --- Route 53 Resolver DNS Firewall (8.23) -------------------------------

resource "aws_route53_resolver_firewall_domain_list" "allowed" {
  name    = "${local.name}-allowed"
  domains = ["amazonaws.com.", "*.amazonaws.com.", "${local.domain}.", "*.${local.domain}."]
  tags    = { Name = "${local.name}-allowed" }
}

# Kept by the security team from its threat intelligence feeds.
resource "aws_route53_resolver_firewall_domain_list" "denied" {
  name    = "${local.name}-denied"
  domains = ["*.duckdns.org.", "*.ngrok.io.", "*.pastebin.com.", "*.onion."]
  tags    = { Name = "${local.name}-denied" }
}

resource "aws_route53_resolver_firewall_rule_group" "egress" {
  name = "${local.name}-egress"
  tags = { Name = "${local.name}-egress" }
}

resource "aws_route53_resolver_firewall_rule" "allow_known" {
  name                    = "allow-known"
  action                  = "ALLOW"
  firewall_domain_list_id = aws_route53_resolver_firewall_domain_list.allowed.id
  firewall_rule_group_id  = aws_route53_resolver_firewall_rule_group.egress.id
  priority                = 100
}

# Switched to ALERT while false positives were tuned, never switched back.
resource "aws_route53_resolver_firewall_rule" "block_denied" {
  name                    = "block-denied"
  action                  = "ALERT"
  firewall_domain_list_id = aws_route53_resolver_firewall_domain_list.denied.id
  firewall_rule_group_id  = aws_route53_resolver_firewall_rule_group.egress.id
  priority                = 200
}

# No association for aws_vpc.edge: only the shared VPC is filtered.

resource "aws_route53_resolver_firewall_rule_group_association" "shared" {
  name                   = "${local.name}-shared"
  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.egress.id
  vpc_id                 = data.aws_vpc.shared.id
  priority               = 101
  tags                   = { Name = "${local.name}-shared" }
}

# Lookups fail open: unfiltered while the firewall is impaired.
resource "aws_route53_resolver_firewall_config" "edge" {
  resource_id        = aws_vpc.edge.id
  firewall_fail_open = "ENABLED"
}
