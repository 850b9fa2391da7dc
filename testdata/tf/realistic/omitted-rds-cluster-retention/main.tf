resource "aws_rds_cluster" "c" {
  cluster_identifier          = "c"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}
