resource "aws_kms_key" "app" {
  description         = "${local.name_prefix}-app"
  enable_key_rotation = false
}
