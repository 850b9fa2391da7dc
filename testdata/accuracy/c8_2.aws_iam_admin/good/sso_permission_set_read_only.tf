resource "aws_ssoadmin_permission_set" "viewers" {
  name         = "viewers"
  instance_arn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
}

resource "aws_ssoadmin_managed_policy_attachment" "viewers_ro" {
  instance_arn       = aws_ssoadmin_permission_set.viewers.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.viewers.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
