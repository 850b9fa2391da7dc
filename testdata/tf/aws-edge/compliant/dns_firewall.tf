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

resource "aws_route53_resolver_firewall_rule" "block_denied" {
  name                    = "block-denied"
  action                  = "BLOCK"
  block_response          = "NXDOMAIN"
  firewall_domain_list_id = aws_route53_resolver_firewall_domain_list.denied.id
  firewall_rule_group_id  = aws_route53_resolver_firewall_rule_group.egress.id
  priority                = 200
}

resource "aws_route53_resolver_firewall_rule_group_association" "edge" {
  name                   = "${local.name}-edge"
  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.egress.id
  vpc_id                 = aws_vpc.edge.id
  priority               = 101
  tags                   = { Name = "${local.name}-edge" }
}

resource "aws_route53_resolver_firewall_rule_group_association" "shared" {
  name                   = "${local.name}-shared"
  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.egress.id
  vpc_id                 = data.aws_vpc.shared.id
  priority               = 101
  tags                   = { Name = "${local.name}-shared" }
}

# Lookups fail closed: no answer while the firewall is impaired.
resource "aws_route53_resolver_firewall_config" "edge" {
  resource_id        = aws_vpc.edge.id
  firewall_fail_open = "DISABLED"
}
