# The deny at 100 shadows SSH only: RDP and the other administration ports
# still match the allow-all at 200 first.
# annexa-accuracy: needs ingress
resource "aws_network_acl" "half" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    rule_no    = 100
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
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
