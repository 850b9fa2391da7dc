# RDS for MariaDB 10.11 supports IAM authentication; left out it is off.
# annexa-accuracy: needs engine, engine_version, iam_database_authentication_enabled
resource "aws_db_instance" "forum" {
  identifier          = "forum"
  engine              = "mariadb"
  engine_version      = "10.11.9"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  username            = "forum"
  manage_master_user_password = true
  storage_encrypted   = true
  skip_final_snapshot = true
}
