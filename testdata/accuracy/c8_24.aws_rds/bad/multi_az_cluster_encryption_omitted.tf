# A Multi-AZ DB cluster (engine mysql) is provisioned too: unencrypted
# unless storage_encrypted is set.
# annexa-accuracy: needs storage_encrypted
resource "aws_rds_cluster" "orders" {
  cluster_identifier        = "orders"
  engine                    = "mysql"
  db_cluster_instance_class = "db.r6gd.large"
  storage_type              = "io1"
  allocated_storage         = 100
  iops                      = 1000
  master_username           = "orders"
  manage_master_user_password = true
  skip_final_snapshot       = true
}
