# acme-payments in eu-west-1: the Terraform source of the stack that
# testdata/plans/compliant.json plans. See ../README.md.

locals {
  name = "acme-payments"
  azs  = ["eu-west-1a", "eu-west-1b"]

  # Ingress of the public web tier: HTTPS only.
  web_ingress = [
    { description = "HTTPS", port = 443, ipv4 = ["0.0.0.0/0"], ipv6 = ["::/0"] },
  ]

  # Non-secret settings the application reads from SSM.
  app_settings = {
    "db-endpoint"    = module.db.endpoint
    "uploads-bucket" = aws_s3_bucket.uploads.bucket
  }
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

# --- Network -----------------------------------------------------------

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags                 = { Name = "${local.name}-vpc" }
}

resource "aws_subnet" "private" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 1)
  tags              = { Name = "${local.name}-private-${local.azs[count.index]}" }
}

resource "aws_security_group" "web" {
  name        = "${local.name}-web"
  description = "Public HTTPS to the payments API"
  vpc_id      = aws_vpc.main.id

  dynamic "ingress" {
    for_each = local.web_ingress
    content {
      description      = ingress.value.description
      from_port        = ingress.value.port
      to_port          = ingress.value.port
      protocol         = "tcp"
      cidr_blocks      = ingress.value.ipv4
      ipv6_cidr_blocks = ingress.value.ipv6
    }
  }

  egress {
    description = "All outbound"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = { Name = "${local.name}-web" }
}

resource "aws_vpc_security_group_ingress_rule" "admin_rdp" {
  security_group_id = aws_security_group.web.id
  description       = "RDP for administrators"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "10.99.0.0/16"
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "PostgreSQL from the web tier"
  vpc_id      = aws_vpc.main.id

  ingress {
    description     = "PostgreSQL from web"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }

  tags = { Name = "${local.name}-db" }
}

resource "aws_security_group_rule" "db_from_vpn" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  description       = "PostgreSQL from the bastion VPN"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["10.99.0.0/16"]
}

# --- Keys and storage -------------------------------------------------

resource "aws_kms_key" "data" {
  description              = "${local.name} data at rest"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  deletion_window_in_days  = 30
  enable_key_rotation      = true
  tags                     = { Name = "${local.name}-data" }
}

resource "aws_ebs_volume" "data" {
  availability_zone = local.azs[0]
  size              = 100
  type              = "gp3"
  encrypted         = true
  kms_key_id        = aws_kms_key.data.arn
  tags              = { Name = "${local.name}-data" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"

  versioning {
    enabled = true
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  tags = { Name = "${local.name}-logs" }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "uploads" {
  bucket = "${local.name}-uploads"
  tags   = { Name = "${local.name}-uploads" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "uploads" {
  depends_on = [aws_s3_bucket_ownership_controls.uploads]

  bucket = aws_s3_bucket.uploads.id
  acl    = "private"
}

resource "aws_dynamodb_table" "sessions" {
  name                        = "${local.name}-sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "session_id"
  deletion_protection_enabled = true

  attribute {
    name = "session_id"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  tags = { Name = "${local.name}-sessions" }
}

module "db" {
  source = "./modules/db"

  name               = local.name
  password           = var.db_password
  subnet_ids         = aws_subnet.private[*].id
  security_group_ids = [aws_security_group.db.id]

  kms_key_arn             = aws_kms_key.data.arn
  storage_encrypted       = true
  multi_az                = true
  backup_retention_period = 14
  deletion_protection     = true
}

# --- Identity and access ---------------------------------------------

resource "aws_iam_role" "app" {
  name               = "${local.name}-app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = { Name = "${local.name}-app" }
}

resource "aws_iam_policy" "admin" {
  name        = "${local.name}-uploads-rw"
  description = "Read and write objects in the uploads bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::${aws_s3_bucket.uploads.bucket}/*"
    }]
  })
  tags = { Name = "${local.name}-uploads-rw" }
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.admin.arn
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  hard_expiry                    = false
}

# --- Logging and secrets -----------------------------------------------

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/aws/vpc/${local.name}/flow-logs"
  retention_in_days = 365
  tags              = { Name = "${local.name}-flow-logs" }
}

resource "aws_iam_role" "flow_logs" {
  name = "${local.name}-flow-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "vpc-flow-logs.amazonaws.com" }
    }]
  })
  tags = { Name = "${local.name}-flow-logs" }
}

resource "aws_iam_role_policy" "flow_logs" {
  name = "${local.name}-flow-logs"
  role = aws_iam_role.flow_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogGroups",
        "logs:DescribeLogStreams",
      ]
      Resource = "arn:aws:logs:eu-west-1:739275460217:log-group:${aws_cloudwatch_log_group.flow.name}:*"
    }]
  })
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  iam_role_arn    = aws_iam_role.flow_logs.arn
  log_destination = aws_cloudwatch_log_group.flow.arn
  tags            = { Name = "${local.name}-vpc-flow" }
}

resource "aws_cloudtrail" "main" {
  name                          = "${local.name}-trail"
  s3_bucket_name                = aws_s3_bucket.logs.id
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.data.arn
  cloud_watch_logs_group_arn    = "arn:aws:logs:eu-west-1:739275460217:log-group:cloudtrail:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::739275460217:role/cloudtrail-to-cloudwatch"
  tags                          = { Name = "${local.name}-trail" }
}

# Both buckets refuse requests over plain HTTP (CIS AWS 2.1.1).
resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPlainHTTP"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::${local.name}-logs", "arn:aws:s3:::${local.name}-logs/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPlainHTTP"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::${local.name}-uploads", "arn:aws:s3:::${local.name}-uploads/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_ssm_parameter" "api_token" {
  name        = "/${local.name}/${var.environment}/api-token"
  description = "Payments API token"
  type        = "SecureString"
  value       = var.api_token
  tags        = { Name = "${local.name}-api-token" }
}

resource "aws_ssm_parameter" "setting" {
  for_each = local.app_settings

  name  = "/${local.name}/${var.environment}/${each.key}"
  type  = "String"
  value = each.value
}
