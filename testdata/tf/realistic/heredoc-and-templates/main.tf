locals {
  env = "dev"
}

resource "aws_iam_role_policy" "p" {
  name = "p-${local.env}"
  role = "app"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${local.env}-data/*"}]
    }
  EOT
}
