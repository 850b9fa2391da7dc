# --- Developer portal database (8.6) -------------------------------------

# The network belongs to the acme-network stack.
data "aws_vpc" "main" {
  tags = { Name = "acme-network-vpc" }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.main.id]
  }

  tags = { Tier = "private" }
}

resource "aws_security_group" "portal_db" {
  name        = "${local.name}-portal-db"
  description = "PostgreSQL from inside the VPC"
  vpc_id      = data.aws_vpc.main.id

  ingress {
    description = "PostgreSQL from the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [data.aws_vpc.main.cidr_block]
  }

  tags = { Name = "${local.name}-portal-db" }
}

resource "aws_db_subnet_group" "portal" {
  name        = "${local.name}-portal"
  description = "${local.name} portal database subnets"
  subnet_ids  = data.aws_subnets.private.ids
  tags        = { Name = "${local.name}-portal" }
}

resource "aws_db_instance" "portal" {
  identifier     = "${local.name}-portal"
  engine         = "postgres"
  engine_version = "16.4"
  instance_class = "db.t4g.medium"
  db_name        = "backstage"
  username       = "backstage"

  # The master password lives in Secrets Manager, never in Terraform. No
  # iam_database_authentication_enabled: left out, it is false, so
  # everyone signs in with a database password.
  manage_master_user_password = true

  # No max_allocated_storage: the disk never grows.
  allocated_storage = 50
  storage_type      = "gp3"
  storage_encrypted = true

  multi_az                = true
  db_subnet_group_name    = aws_db_subnet_group.portal.name
  vpc_security_group_ids  = [aws_security_group.portal_db.id]
  publicly_accessible     = true # for the BI contractor's desktop client
  backup_retention_period = 14
  backup_window           = "01:00-02:00"
  maintenance_window      = "sun:02:30-sun:03:30"

  auto_minor_version_upgrade = true
  copy_tags_to_snapshot      = true
  deletion_protection        = true
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${local.name}-portal-final"

  tags = { Name = "${local.name}-portal" }
}
