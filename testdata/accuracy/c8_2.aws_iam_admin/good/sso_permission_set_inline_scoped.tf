# The support permission set's inline policy reads one log group only.

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
      Effect   = "Allow"
      Action   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
      Resource = "arn:aws:logs:eu-west-1:111122223333:log-group:/acme/support:*"
    }]
  })
}
