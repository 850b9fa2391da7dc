# Aurora Serverless v1 (engine_mode serverless) is always encrypted: left
# out, storage_encrypted is true.
resource "aws_rds_cluster" "batch" {
  cluster_identifier  = "batch"
  engine              = "aurora-mysql"
  engine_mode         = "serverless"
  master_username     = "batch"
  manage_master_user_password = true
  skip_final_snapshot = true

  scaling_configuration {
    min_capacity = 1
    max_capacity = 4
  }
}
