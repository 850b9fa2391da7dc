# The task definition takes the database password from Secrets Manager
# through secrets[].valueFrom: only the secret's ARN is in the code.
resource "aws_secretsmanager_secret" "orders_db" {
  name = "orders/db-password"
}

resource "aws_ecs_task_definition" "orders" {
  family                   = "orders"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::111122223333:role/orders-execution"

  container_definitions = jsonencode([
    {
      name      = "orders"
      image     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders:2.4.0"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "DB_HOST", value = "orders.cluster-abc.eu-west-1.rds.amazonaws.com" },
      ]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/db-password-AbCdEf" },
      ]
    }
  ])
}
