locals {
  tags = merge(var.tags, { Name = "${var.name}-db" })
}

resource "aws_db_subnet_group" "main" {
  name        = "${var.name}-db"
  description = "${var.name} database subnets"
  subnet_ids  = var.subnet_ids
  tags        = local.tags
}

resource "aws_db_instance" "main" {
  identifier     = "${var.name}-db"
  engine         = "postgres"
  engine_version = "16.4"
  instance_class = "db.m6g.large"
  db_name        = "payments"
  username       = "payments"
  password       = var.password

  allocated_storage     = 100
  max_allocated_storage = 500
  storage_type          = "gp3"
  storage_encrypted     = var.storage_encrypted
  kms_key_id            = var.kms_key_arn

  multi_az                = var.multi_az
  db_subnet_group_name    = aws_db_subnet_group.main.name
  vpc_security_group_ids  = var.security_group_ids
  publicly_accessible     = false

  iam_database_authentication_enabled = true
  backup_retention_period = var.backup_retention_period
  backup_window           = "02:00-03:00"
  maintenance_window      = "sun:03:30-sun:04:30"

  auto_minor_version_upgrade      = true
  copy_tags_to_snapshot           = true
  deletion_protection             = var.deletion_protection
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  skip_final_snapshot             = false
  final_snapshot_identifier       = "${var.name}-db-final"

  tags = local.tags
}
