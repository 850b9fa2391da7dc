variable "settings" {
  type    = object({ port = number })
  default = null
}

variable "cidr_override" {
  type    = string
  default = null
}

resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = try(var.settings.port, 22)
  to_port           = try(var.settings.port, 22)
  cidr_blocks       = [coalesce(var.cidr_override, "0.0.0.0/0")]
}
