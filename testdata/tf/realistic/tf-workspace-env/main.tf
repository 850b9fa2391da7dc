resource "aws_db_instance" "db" {
  identifier              = "app-${terraform.workspace}"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  max_allocated_storage   = 100
  storage_encrypted       = true
  multi_az                = true
  backup_retention_period = terraform.workspace == "prod" ? 30 : 1
}
