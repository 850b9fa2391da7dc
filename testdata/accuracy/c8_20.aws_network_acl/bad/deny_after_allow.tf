# The deny of SSH comes after (a higher rule_no than) the allow of every
# port, so the allow matches first and SSH is open.
# annexa-accuracy: needs ingress
resource "aws_network_acl" "late_deny" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 200
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}
