resource "aws_db_instance" "reports" {
  identifier            = "reports"
  engine                = "mysql"
  instance_class        = "db.t3.small"
  allocated_storage     = 20
  max_allocated_storage = 200
  username              = "reports"
  manage_master_user_password = true
}
