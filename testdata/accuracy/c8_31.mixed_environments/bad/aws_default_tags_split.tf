# annexa-accuracy: needs tags_all
# The environment is set on the provider configurations, not on the
# resources (the split variant): default_tags put Environment=production on
# everything of the default provider and Environment=staging on everything
# of the aliased one, in the same state.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = "production"
      Team        = "payments"
    }
  }
}

provider "aws" {
  alias  = "staging"
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = "staging"
      Team        = "payments"
    }
  }
}

resource "aws_s3_bucket" "receipts" {
  bucket = "acme-payments-receipts"
}

resource "aws_s3_bucket" "receipts_staging" {
  provider = aws.staging
  bucket   = "acme-payments-receipts-staging"
}
