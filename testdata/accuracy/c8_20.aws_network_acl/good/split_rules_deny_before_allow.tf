# Separate rules of one ACL: the deny of every TCP port from the internet
# at 90 shadows the broader allow at 100.
resource "aws_network_acl" "edge" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "deny_tcp" {
  network_acl_id = aws_network_acl.edge.id
  rule_number    = 90
  egress         = false
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}

resource "aws_network_acl_rule" "allow_tcp" {
  network_acl_id = aws_network_acl.edge.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}
