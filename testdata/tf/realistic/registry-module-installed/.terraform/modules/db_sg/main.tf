variable "ingress_cidr" {
  type = string
}

variable "port" {
  type = number
}

resource "aws_security_group" "this" {
  name = "module-sg"
}

resource "aws_security_group_rule" "ingress" {
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = var.port
  to_port           = var.port
  cidr_blocks       = [var.ingress_cidr]
}
