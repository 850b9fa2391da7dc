resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_route53_resolver_firewall_domain_list" "bad" {
  name    = "bad-domains"
  domains = ["malware.example.", "*.phish.example."]
}

resource "aws_route53_resolver_firewall_rule_group" "main" {
  name = "main"
}

resource "aws_route53_resolver_firewall_rule" "block" {
  name                    = "block"
  action                  = "BLOCK"
  block_response          = "NXDOMAIN"
  firewall_domain_list_id = aws_route53_resolver_firewall_domain_list.bad.id
  firewall_rule_group_id  = aws_route53_resolver_firewall_rule_group.main.id
  priority                = 100
}

resource "aws_route53_resolver_firewall_rule_group_association" "main" {
  name                   = "main"
  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.main.id
  priority               = 101
  vpc_id                 = aws_vpc.main.id
}

resource "aws_route53_resolver_firewall_config" "main" {
  resource_id        = aws_vpc.main.id
  firewall_fail_open = "ENABLED"
}
