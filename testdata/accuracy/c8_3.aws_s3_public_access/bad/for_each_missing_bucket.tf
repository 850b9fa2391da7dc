resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "media"])
  bucket   = "acme-${each.key}-eu"
}

resource "aws_s3_bucket_public_access_block" "b" {
  for_each = { for k, v in aws_s3_bucket.b : k => v if k != "media" }
  bucket   = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
