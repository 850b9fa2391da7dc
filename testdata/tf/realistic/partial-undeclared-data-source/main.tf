resource "aws_db_instance" "db" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  max_allocated_storage   = 100
  db_subnet_group_name    = data.aws_db_subnet_group.shared.name
  storage_encrypted       = false
  backup_retention_period = 7
  multi_az                = true
}
