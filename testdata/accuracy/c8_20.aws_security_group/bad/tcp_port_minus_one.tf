# A TCP rule with the port range -1 to -1 is stored by EC2 as every TCP
# port (0-65535), so it opens SSH and RDP to the internet.
# annexa-accuracy: needs ingress
resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol    = "tcp"
    from_port   = -1
    to_port     = -1
    cidr_blocks = ["0.0.0.0/0"]
  }
}
