# An ECS task definition whose container gets its database password as a
# literal environment value inside container_definitions (fake value),
# instead of secrets[].valueFrom.
# annexa-accuracy: needs container_definitions
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
        { name = "DB_PASSWORD", value = "annexa-corpus-fake-db-password" },
      ]
    }
  ])
}
