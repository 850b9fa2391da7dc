resource "aws_db_instance" "db" {
  identifier              = "plain"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  max_allocated_storage   = 100
  multi_az                = true
  backup_retention_period = 7
}
