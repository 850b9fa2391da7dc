# Oracle has no IAM database authentication: the Oracle instance is not
# judged; the MySQL one has it on.
resource "aws_db_instance" "erp" {
  identifier          = "erp"
  engine              = "oracle-ee"
  license_model       = "bring-your-own-license"
  instance_class      = "db.m6i.large"
  allocated_storage   = 100
  username            = "erp"
  manage_master_user_password = true
  storage_encrypted   = true
  skip_final_snapshot = true
}

resource "aws_db_instance" "web" {
  identifier                          = "web"
  engine                              = "mysql"
  engine_version                      = "8.0.39"
  instance_class                      = "db.t4g.medium"
  allocated_storage                   = 20
  username                            = "web"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  skip_final_snapshot                 = true
}
