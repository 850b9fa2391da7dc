resource "aws_cloudwatch_log_group" "debug" {
  name              = "/acme/debug"
  retention_in_days = 30
}
