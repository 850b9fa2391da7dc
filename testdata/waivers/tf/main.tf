# A bastion whose SSH is open to the world by an approved exception, and a
# web server whose SSH is open by mistake.

# annexa:ignore c8_20.aws_security_group reason="bastion, replaced by SSM in Q1" expires=2026-12-31 approved_by="ciso@example.com"
resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
