# The support permission set gets its rights from an inline policy rather
# than a managed one; the statement allows every action on every resource.
# annexa-accuracy: needs inline_policy

resource "aws_ssoadmin_permission_set" "support" {
  name         = "support"
  instance_arn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
}

resource "aws_ssoadmin_permission_set_inline_policy" "support" {
  instance_arn       = aws_ssoadmin_permission_set.support.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.support.arn
  inline_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Everything"
      Effect   = "Allow"
      Action   = ["logs:GetLogEvents", "*"]
      Resource = "*"
    }]
  })
}
