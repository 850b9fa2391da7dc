variable "ssh_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.ssh_cidr]
  }
}
