terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.80" }
  }
}

provider "aws" {
  region = "eu-west-1"
}

# The omitted AWS stack: each resource leaves out the arguments the built-in
# policies read, so that they take the provider's default or stay the
# provider's to decide. ../../../plans/omitted-aws.json is its plan.

# acl and the legacy inline blocks are left out: the provider decides them (unknown).
resource "aws_s3_bucket" "logs" {
  bucket = "acme-omitted-logs"
}

# All four settings left out: each defaults to false (8.3).
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id
}

# All four settings left out: false, so buckets get no account-wide block (8.3).
resource "aws_s3_account_public_access_block" "account" {
  account_id = "123456789012"
}

# kms_master_key_id left out: the AWS managed key (8.24).
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# No noncurrent_version_expiration written (8.10).
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "expire"
    status = "Enabled"
    expiration {
      days = 365
    }
  }
}

# retention_in_days left out: 0, kept for ever (8.10).
resource "aws_cloudwatch_log_group" "app" {
  name = "/acme/omitted/app"
}

# status left out: Macie decides (ENABLED), unknown in a plan (8.12).
resource "aws_macie2_account" "main" {
}

# billing_mode (PROVISIONED), point_in_time_recovery and server_side_encryption left out (8.6, 8.13, 8.24).
resource "aws_dynamodb_table" "sessions" {
  name     = "omitted-sessions"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

# storage_encrypted (null: unencrypted), backup_retention_period and multi_az (the provider's),
# max_allocated_storage (no autoscaling) left out (8.6, 8.13, 8.14, 8.24).
resource "aws_db_instance" "app" {
  identifier                  = "omitted-app"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

# backup_retention_period (1), engine_mode (provisioned) and storage_encrypted (the provider's:
# false for a provisioned cluster) left out (8.13, 8.24).
resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "omitted-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
}

# is_multi_region_trail and enable_log_file_validation (false), enable_logging (true) left out (8.15).
resource "aws_cloudtrail" "main" {
  name           = "omitted-trail"
  s3_bucket_name = aws_s3_bucket.logs.id
}

# No flow log (8.16); no DNS Firewall association (8.23).
resource "aws_vpc" "main" {
  cidr_block = "10.40.0.0/16"
}

# path and description left out; the document allows everything (8.2).
resource "aws_iam_policy" "admin" {
  name   = "omitted-admin"
  policy = "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}"
}

# ingress left out: the provider's, unknown in a plan (8.20).
resource "aws_security_group" "web" {
  name   = "omitted-web"
  vpc_id = aws_vpc.main.id
}

# from_port and to_port left out (null): all traffic from anywhere (8.20).
resource "aws_vpc_security_group_ingress_rule" "any" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

# load_balancer_type (application) and internal (the provider's: internet-facing) left out;
# no web ACL association (8.26).
resource "aws_lb" "web" {
  name    = "omitted-web"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

# protocol left out: HTTP on an application load balancer, unknown in a plan (8.21).
resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/omitted-web/0a1b2c3d4e5f6071"
  }
}

# ssl_policy left out: ELBSecurityPolicy-2016-08, unknown in a plan (8.21).
resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}

# web_acl_id (none) and the viewer certificate's minimum_protocol_version (TLSv1) left out (8.21, 8.26).
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = "origin.acme-omitted.example"
    origin_id   = "site"
  }
  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    ssl_support_method  = "sni-only"
  }
}

# security_policy left out: API Gateway decides, unknown in a plan (8.21).
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.acme-omitted.example"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# domain_endpoint_options left out: the provider's, unknown in a plan (8.21).
resource "aws_opensearch_domain" "search" {
  domain_name = "omitted-search"
}

# No rule blocks anything (8.23).
resource "aws_route53_resolver_firewall_rule_group" "egress" {
  name = "omitted-egress"
}

# mutation_protection left out (8.23).
resource "aws_route53_resolver_firewall_rule_group_association" "main" {
  name                   = "omitted"
  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.egress.id
  priority               = 101
  vpc_id                 = aws_vpc.main.id
}

# firewall_fail_open left out: DISABLED by AWS, unknown in a plan (8.23).
resource "aws_route53_resolver_firewall_config" "main" {
  resource_id = aws_vpc.main.id
}

# encrypted left out: unencrypted unless the account encrypts by default, unknown in a plan (8.24).
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 20
}

# No block device written: the AMI's, unknown in a plan (8.24).
resource "aws_instance" "app" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.micro"
}

# enable_key_rotation (false), key_usage and customer_master_key_spec (symmetric) left out (8.24).
resource "aws_kms_key" "data" {
  description = "omitted"
}

# minimum_password_length (6) and every requirement left out (8.5).
resource "aws_iam_account_password_policy" "main" {
  allow_users_to_change_password = true
}

# enable (true) and datasources left out (8.7).
resource "aws_guardduty_detector" "main" {
}

# image_scanning_configuration left out: no scan on push (8.8).
resource "aws_ecr_repository" "app" {
  name = "omitted-app"
}

# name (default) and recording_group left out (8.9).
resource "aws_config_configuration_recorder" "main" {
  role_arn = "arn:aws:iam::123456789012:role/aws-config"
}

# Enables the recorder by its default name (8.9).
resource "aws_config_configuration_recorder_status" "main" {
  name       = "default"
  is_enabled = true
}

# egress (false: an ingress rule), from_port and to_port left out; every
# protocol from anywhere is allowed in (8.20).
resource "aws_network_acl_rule" "any" {
  network_acl_id = "acl-0a1b2c3d4e5f60001"
  rule_number    = 100
  rule_action    = "allow"
  protocol       = "-1"
  cidr_block     = "0.0.0.0/0"
}
