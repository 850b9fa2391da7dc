resource "aws_iam_policy" "p" {
  name   = "p"
  policy = file("${path.module}/policy.json")
}

resource "aws_kms_key" "k" {
  description         = "k"
  enable_key_rotation = false
}
