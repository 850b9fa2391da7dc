# --- API Gateway custom domain names (8.21) ------------------------------

# The public REST API (v1).
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.${local.domain}"
  regional_certificate_arn = var.certificate_arn
  security_policy          = "TLS_1_0" # for partners' old Java clients

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  tags = { Name = "${local.name}-api" }
}

# The WebSocket API that pushes payment events to dashboards (v2).
resource "aws_apigatewayv2_domain_name" "events" {
  domain_name = "events.${local.domain}"

  domain_name_configuration {
    certificate_arn = var.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  tags = { Name = "${local.name}-events" }
}
