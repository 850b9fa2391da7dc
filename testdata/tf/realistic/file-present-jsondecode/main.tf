locals {
  rules = jsondecode(file("${path.module}/rules.json"))
}

resource "aws_security_group_rule" "in" {
  for_each          = local.rules
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_blocks       = each.value.cidrs
}
