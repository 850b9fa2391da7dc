# Aurora Serverless v2 runs in engine_mode provisioned: storage_encrypted
# left out is false.
# annexa-accuracy: needs storage_encrypted, engine_mode
resource "aws_rds_cluster" "reports" {
  cluster_identifier  = "reports"
  engine              = "aurora-postgresql"
  engine_mode         = "provisioned"
  engine_version      = "16.4"
  master_username     = "reports"
  manage_master_user_password = true
  skip_final_snapshot = true

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 4
  }
}
