resource "aws_s3_bucket" "data" {
  bucket = "acme-data-eu"
}

# The account turns on what the bucket's block leaves off.
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls  = true
  ignore_public_acls = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_policy     = true
  restrict_public_buckets = true
}
