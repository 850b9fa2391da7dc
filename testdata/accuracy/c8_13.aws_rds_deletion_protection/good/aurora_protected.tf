resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "orders"
  manage_master_user_password = true
  deletion_protection         = true
}
