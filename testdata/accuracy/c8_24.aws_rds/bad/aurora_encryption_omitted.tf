resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-mysql"
  master_username             = "orders"
  manage_master_user_password = true
}
