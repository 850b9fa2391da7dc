resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "aurora"
  engine                  = "aurora-postgresql"
  master_username         = "app"
  manage_master_user_password = true
  backup_retention_period = 7
  storage_encrypted       = "false"
}
