resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "media"])
  bucket   = "acme-${each.key}-eu"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
