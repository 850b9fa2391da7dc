resource "aws_kms_key" "k" {
  for_each            = toset(["orders", "billing"])
  description         = each.key
  enable_key_rotation = each.key == "orders"
}
