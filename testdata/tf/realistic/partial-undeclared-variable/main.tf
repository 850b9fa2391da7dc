resource "aws_security_group" "rdp" {
  name   = "rdp"
  vpc_id = var.vpc_id

  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }
}
