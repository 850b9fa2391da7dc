# Rules are evaluated lowest rule_no first and the first match wins: the
# denies at 100-120 stop TCP to every administration port before the
# allow-all at 200 is reached.
resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    rule_no    = 100
    action     = "deny"
    protocol   = "tcp"
    from_port  = 0
    to_port    = 1023
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 110
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 120
    action     = "deny"
    protocol   = "6"
    from_port  = 5900
    to_port    = 5986
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}
