# annexa-accuracy: needs managed_policy_arn
resource "aws_ssoadmin_permission_set" "ops" {
  name         = "ops"
  instance_arn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
}

resource "aws_ssoadmin_managed_policy_attachment" "ops_admin" {
  instance_arn       = aws_ssoadmin_permission_set.ops.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.ops.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
