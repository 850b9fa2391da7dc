# With protocol tcp, from_port = to_port = 0 is the single port 0, not every
# port (only protocol -1 ignores the range), so no administration or
# database port is open.
resource "aws_security_group" "odd" {
  name   = "odd"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol    = "tcp"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
