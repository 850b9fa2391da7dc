resource "aws_db_instance" "db" {
  identifier              = "legacy"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  max_allocated_storage   = 40
  storage_encrypted       = true
  multi_az                = true
  backup_retention_period = "0"
}
