variable "retention" {
  type    = number
  default = null
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/acme/app"
  retention_in_days = var.retention
}
