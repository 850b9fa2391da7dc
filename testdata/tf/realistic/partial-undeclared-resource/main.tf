resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.shared.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
