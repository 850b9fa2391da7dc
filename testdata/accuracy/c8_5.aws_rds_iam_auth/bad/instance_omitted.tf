# annexa-accuracy: needs engine, iam_database_authentication_enabled
resource "aws_db_instance" "main" {
  identifier          = "orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  username            = "orders"
  manage_master_user_password = true
}
