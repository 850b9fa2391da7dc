# The newer per-rule resource with TCP and -1 ports: every TCP port.
# annexa-accuracy: needs ip_protocol, from_port, to_port, cidr_ipv4
resource "aws_security_group" "api" {
  name   = "api"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "api_any_tcp" {
  security_group_id = aws_security_group.api.id
  ip_protocol       = "tcp"
  from_port         = -1
  to_port           = -1
  cidr_ipv4         = "0.0.0.0/0"
}
