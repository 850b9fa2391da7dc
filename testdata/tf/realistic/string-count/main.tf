resource "aws_kms_key" "k" {
  count               = "2"
  description         = "key ${count.index}"
  enable_key_rotation = false
}
