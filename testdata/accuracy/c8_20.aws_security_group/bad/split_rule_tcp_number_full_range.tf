# Protocol 6 is TCP; 0-65535 takes in every administration port, here
# from any IPv6 address.
# annexa-accuracy: needs type, protocol, from_port, to_port, ipv6_cidr_blocks
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "app_in" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "6"
  from_port         = 0
  to_port           = 65535
  ipv6_cidr_blocks  = ["::/0"]
}
