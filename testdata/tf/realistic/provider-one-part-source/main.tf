resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site-example"
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
