variable "ports" {
  type    = list(number)
  default = [443, 3389]
}

resource "aws_security_group" "win" {
  name = "win"

  dynamic "ingress" {
    for_each = var.ports
    content {
      protocol    = "tcp"
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
