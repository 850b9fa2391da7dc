variable "ssh_cidr" {
  type    = string
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

resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "t-example"
  enable_logging = false
}
