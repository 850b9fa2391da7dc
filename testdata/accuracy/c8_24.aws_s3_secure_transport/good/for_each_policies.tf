resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "media"])
  bucket   = "acme-${each.key}-eu"
}

resource "aws_s3_bucket_policy" "b" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-${each.key}-eu", "arn:aws:s3:::acme-${each.key}-eu/*"]
      Condition = { Bool = { "aws:SecureTransport" = false } }
    }]
  })
}
