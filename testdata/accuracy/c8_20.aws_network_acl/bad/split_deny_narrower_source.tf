# The deny covers only 10.0.0.0/8; the rest of the internet reaches SSH
# through the allow.
# annexa-accuracy: needs rule_action, cidr_block, protocol, from_port, to_port
resource "aws_network_acl" "office" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "deny_internal" {
  network_acl_id = aws_network_acl.office.id
  rule_number    = 50
  egress         = false
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "10.0.0.0/8"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "allow_ssh" {
  network_acl_id = aws_network_acl.office.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
