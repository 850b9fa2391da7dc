# A production-only configuration: every resource is tagged production (or
# left untagged); non-production lives in its own root module and account.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = "production"
    }
  }
}

resource "aws_s3_bucket" "receipts" {
  bucket = "acme-payments-receipts"
}

resource "aws_sqs_queue" "payments" {
  name                    = "payments"
  sqs_managed_sse_enabled = true
  tags = {
    Environment = "prod"
    Name        = "payments"
  }
}
