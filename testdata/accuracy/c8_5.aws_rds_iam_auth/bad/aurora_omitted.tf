# annexa-accuracy: needs engine, iam_database_authentication_enabled
resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "orders"
  manage_master_user_password = true
}
