variable "env" {
  type    = string
  default = "dev-eu"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [strcontains(var.env, "prod") ? "10.0.0.0/8" : "0.0.0.0/0"]
}
