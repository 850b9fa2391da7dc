variable "rotate" {
  type    = bool
  default = null
}

resource "aws_kms_key" "k" {
  description         = "data"
  enable_key_rotation = var.rotate
}
