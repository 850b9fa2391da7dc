# --- Log retention (8.10, 8.15) ------------------------------------------

resource "aws_cloudwatch_log_group" "ecs_services" {
  name              = "/ecs/${local.name}/services"
  retention_in_days = 30
  tags              = { Name = "${local.name}-ecs-services" }
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/${local.name}/audit"
  retention_in_days = 365
  tags              = { Name = "${local.name}-audit" }
}
