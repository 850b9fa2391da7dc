# --- DynamoDB capacity (8.6) ---------------------------------------------

# Left at the provider's default billing mode, PROVISIONED, at 5 units.
resource "aws_dynamodb_table" "feature_flags" {
  name                        = "${local.name}-feature-flags"
  read_capacity               = 5
  write_capacity              = 5
  hash_key                    = "flag_key"
  deletion_protection_enabled = true

  attribute {
    name = "flag_key"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = { Name = "${local.name}-feature-flags" }
}

# Steady, predictable traffic: provisioned capacity; only reads were
# given auto scaling.
resource "aws_dynamodb_table" "idempotency" {
  name                        = "${local.name}-idempotency-keys"
  billing_mode                = "PROVISIONED"
  read_capacity               = 20
  write_capacity              = 20
  hash_key                    = "idempotency_key"
  deletion_protection_enabled = true

  attribute {
    name = "idempotency_key"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = { Name = "${local.name}-idempotency-keys" }

  lifecycle {
    ignore_changes = [read_capacity, write_capacity]
  }
}

resource "aws_appautoscaling_target" "idempotency_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.idempotency.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 20
  max_capacity       = 400
}

resource "aws_appautoscaling_policy" "idempotency_read" {
  name               = "${local.name}-idempotency-read"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.idempotency_read.service_namespace
  resource_id        = aws_appautoscaling_target.idempotency_read.resource_id
  scalable_dimension = aws_appautoscaling_target.idempotency_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}
