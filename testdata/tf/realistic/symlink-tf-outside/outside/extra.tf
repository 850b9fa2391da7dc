resource "aws_kms_key" "x" {
  enable_key_rotation = false
}
