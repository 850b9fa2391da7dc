# protocol "all" is the same as -1: every protocol and port.
# annexa-accuracy: needs ingress
resource "aws_security_group" "legacy" {
  name   = "legacy"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol    = "all"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
