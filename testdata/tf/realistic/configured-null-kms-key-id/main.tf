variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = var.kms_key_id
}
