# --- Log retention (8.10, 8.15) ------------------------------------------

# No retention_in_days: the provider's default, 0, keeps events forever.
resource "aws_cloudwatch_log_group" "ecs_services" {
  name = "/ecs/${local.name}/services"
  tags = { Name = "${local.name}-ecs-services" }
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/${local.name}/audit"
  retention_in_days = 0 # never expire
  tags              = { Name = "${local.name}-audit" }
}
