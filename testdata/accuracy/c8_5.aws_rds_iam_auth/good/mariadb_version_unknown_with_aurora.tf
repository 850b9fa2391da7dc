# The MariaDB version comes from a variable, so whether it supports IAM
# authentication is not known: not judged. The Aurora cluster has it on.
variable "mariadb_version" {
  type = string
}

resource "aws_db_instance" "shop" {
  identifier          = "shop"
  engine              = "mariadb"
  engine_version      = var.mariadb_version
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  username            = "shop"
  manage_master_user_password = true
  storage_encrypted   = true
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "catalog" {
  cluster_identifier                  = "catalog"
  engine                              = "aurora-mysql"
  master_username                     = "catalog"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  skip_final_snapshot                 = true
}
