locals {
  policy_template = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "$${action}", "Resource": "*"}]}
  EOT
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = templatestring(local.policy_template, { action = "*" })
}
