resource "aws_config_configuration_recorder" "this" {
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_configuration_recorder_status" "this" {
  name       = "default"
  is_enabled = true
}
