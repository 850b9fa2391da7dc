# StringNotEquals on aws:SourceVpce allows every caller but those coming
# through one endpoint: still everyone on the internet.
# annexa-accuracy: needs policy
resource "aws_s3_bucket" "leaky" {
  bucket = "leaky-exports"
}

resource "aws_s3_bucket_policy" "leaky" {
  bucket = aws_s3_bucket.leaky.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::leaky-exports/*"
      Condition = {
        StringNotEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" }
      }
    }]
  })
}
